package vn.hanoi.hcc.bff.dossier.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.hanoi.hcc.bff.dossier.Channel;
import vn.hanoi.hcc.bff.dossier.DossierEventCommand;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.NewDossier;
import vn.hanoi.hcc.bff.dossier.ResultDelivery;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.Problem.InvalidParam;
import vn.hanoi.hcc.bff.security.Caller;

/**
 * The checks a request's annotations cannot make (fields that depend on each other or on the
 * caller), turning a well-formed request into a command; every offending field is named.
 */
final class DossierRequests {

    /** Clocks differ: a time this far ahead of ours is still accepted as "now". */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("uuMMdd");

    private DossierRequests() {}

    static NewDossier newDossier(FileDossierRequest request, Caller client, Instant now) {
        List<InvalidParam> errors = new ArrayList<>();
        if (request.code() != null) {
            checkCode(request, client, errors);
        }
        checkPast("receivedAt", request.receivedAt(), now, errors);
        if (!request.dueAt().isAfter(request.receivedAt())) {
            errors.add(new InvalidParam("dueAt", "must be after receivedAt"));
        }
        Channel channel = Channel.fromCode(request.channel()).orElseThrow();
        DossierStatus status = request.status() == null
                ? (channel == Channel.ONLINE ? DossierStatus.NEW : DossierStatus.RECEIVED)
                : DossierStatus.of(request.status());
        if (status == DossierStatus.NEW && channel != Channel.ONLINE) {
            errors.add(new InvalidParam("status", "1 (submitted, not yet accepted) is for online submissions only"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new NewDossier(
                request.code(),
                request.agencyCode(),
                request.procedureCode(),
                request.procedureName(),
                request.field(),
                request.applicantCitizenId(),
                request.applicantName(),
                request.receivingPointId(),
                request.receivedAt(),
                request.dueAt(),
                channel,
                ResultDelivery.fromCode(request.resultDelivery()).orElseThrow(),
                status);
    }

    static DossierEventCommand event(DossierEventRequest request, Instant now) {
        List<InvalidParam> errors = new ArrayList<>();
        if (request.status() == null && request.dueAt() == null) {
            errors.add(new InvalidParam("status", "is required (or dueAt and reason, for an extension)"));
        }
        if (request.dueAt() != null
                && (request.reason() == null || request.reason().isBlank())) {
            errors.add(new InvalidParam("reason", "is required with a new dueAt"));
        }
        checkPast("occurredAt", request.occurredAt(), now, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new DossierEventCommand(
                request.eventId(),
                request.status() == null ? null : DossierStatus.of(request.status()),
                request.occurredAt(),
                request.agency(),
                request.note(),
                request.dueAt(),
                request.reason());
    }

    private static void checkCode(FileDossierRequest request, Caller client, List<InvalidParam> errors) {
        if (!client.seesAllDossiers()) {
            errors.add(new InvalidParam("code", "only the city system chooses codes; agents get one"));
            return;
        }
        String[] parts = request.code().split("-");
        if (!parts[0].equals(request.agencyCode())) {
            errors.add(new InvalidParam("code", "must start with the agencyCode " + request.agencyCode()));
        }
        try {
            LocalDate.parse(parts[1], CODE_DATE);
        } catch (DateTimeParseException notADate) {
            errors.add(new InvalidParam("code", "its YYMMDD part is not a date"));
        }
    }

    private static void checkPast(String name, Instant time, Instant now, List<InvalidParam> errors) {
        if (time.isAfter(now.plus(CLOCK_TOLERANCE))) {
            errors.add(new InvalidParam(name, "must not be in the future"));
        } else if (time.isBefore(EARLIEST)) {
            errors.add(new InvalidParam(name, "must not be before 2000"));
        }
    }
}
