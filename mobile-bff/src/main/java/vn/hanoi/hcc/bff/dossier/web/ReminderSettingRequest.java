package vn.hanoi.hcc.bff.dossier.web;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/v1/me/dossiers/{code}/reminders}: reminders about this dossier on or off. */
record ReminderSettingRequest(@NotNull Boolean enabled) {}
