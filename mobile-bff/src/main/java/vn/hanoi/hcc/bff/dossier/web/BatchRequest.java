package vn.hanoi.hcc.bff.dossier.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/v1/agent/events:batch}: up to 500 events; each is checked on its own. */
record BatchRequest(@NotEmpty @Size(max = 500) List<BatchEventRequest> events) {}
