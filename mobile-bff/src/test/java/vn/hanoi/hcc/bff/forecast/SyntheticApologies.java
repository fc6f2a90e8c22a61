package vn.hanoi.hcc.bff.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.hanoi.hcc.bff.dossier.DossierEventCommand;
import vn.hanoi.hcc.bff.dossier.DossierHistoryWriter;
import vn.hanoi.hcc.bff.dossier.DossierHistoryWriter.Replayed;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.NewDossier;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * A synthetic life's events as the city system would have sent them, replayed through the service's
 * own rules ({@link DossierHistoryWriter#replay}), with an apology slip for most of the dossiers about
 * to run late: a due-date extension ({@code DUE_EXTENDED}) a few working hours before the due time
 * passes in a stretch of processing, moving it by a third to a half of the legal time (at least a
 * working day). Events after the snapshot's instant are not recorded.
 */
final class SyntheticApologies {

    /** The share of would-be-late dossiers whose agency sends an apology slip (an assumption). */
    private static final double APOLOGISED = 0.5;

    private static final String REASON = "Cần xác minh thêm; phiếu xin lỗi và hẹn lại ngày trả kết quả";

    private record Extension(Instant at, Instant dueAt) {}

    private final WorkingCalendar calendar;
    private final Random random;

    SyntheticApologies(WorkingCalendar calendar, Random random) {
        this.calendar = calendar;
        this.random = random;
    }

    Replayed apply(
            NewDossier filed,
            String applicantRef,
            String secretHash,
            List<SyntheticLife.Step> steps,
            int workingDays,
            Instant asOf) {
        List<SyntheticLife.Step> recorded =
                steps.stream().filter(step -> !step.at().isAfter(asOf)).toList();
        Replayed replayed = replay(filed, applicantRef, secretHash, recorded, null);
        Instant finished = replayed.dossier().finishedAt();
        if (finished == null || !finished.isAfter(replayed.dossier().dueAt()) || random.nextDouble() >= APOLOGISED) {
            return replayed;
        }
        Extension extension = extension(replayed, workingDays);
        return extension == null ? replayed : replay(filed, applicantRef, secretHash, recorded, extension);
    }

    /** In the stretch of processing (2 or 4) during which the due time passes, a few working hours before it. */
    private Extension extension(Replayed replayed, int workingDays) {
        List<DossierHistoryWriter.Step> timeline = replayed.steps();
        Instant received = replayed.dossier().receivedAt();
        for (int i = 0; i + 1 < timeline.size(); i++) {
            DossierHistoryWriter.Step step = timeline.get(i);
            Instant due = step.after().dueAt();
            Instant from = step.event().occurredAt();
            Instant until = timeline.get(i + 1).event().occurredAt();
            boolean processing = step.after().status() == DossierStatus.RECEIVED
                    || step.after().status() == DossierStatus.PROCESSING;
            if (processing && !due.isBefore(from) && due.isBefore(until)) {
                Duration before = Duration.ofMinutes(60 + random.nextInt(15 * 60));
                Duration toDue = calendar.between(received, due);
                Instant at = toDue.compareTo(before) > 0 ? calendar.plus(received, toDue.minus(before)) : from;
                at = at.isAfter(from) ? at : from.plusSeconds(60);
                int days = Math.max(1, (int) Math.round(workingDays * (0.33 + 0.17 * random.nextDouble())));
                return at.isBefore(until)
                        ? new Extension(at, calendar.plus(due, WorkingCalendar.WORKING_DAY.multipliedBy(days)))
                        : null;
            }
        }
        return null;
    }

    private static Replayed replay(
            NewDossier filed,
            String applicantRef,
            String secretHash,
            List<SyntheticLife.Step> steps,
            Extension extension) {
        List<DossierEventCommand> events = new ArrayList<>();
        boolean extended = extension == null;
        for (SyntheticLife.Step step : steps) {
            if (!extended && extension.at().isBefore(step.at())) {
                events.add(new DossierEventCommand(
                        filed.code() + "/" + (events.size() + 1),
                        null,
                        extension.at(),
                        filed.agencyCode(),
                        null,
                        extension.dueAt(),
                        REASON));
                extended = true;
            }
            events.add(new DossierEventCommand(
                    filed.code() + "/" + (events.size() + 1),
                    step.status(),
                    step.at(),
                    filed.agencyCode(),
                    note(step.status()),
                    null,
                    null));
        }
        return DossierHistoryWriter.replay(filed, applicantRef, secretHash, SyntheticHistory.CLIENT, events);
    }

    private static String note(DossierStatus status) {
        return switch (status) {
            case SUPPLEMENT_REQUIRED -> "Bổ sung giấy tờ theo phiếu yêu cầu";
            case PAYMENT_REQUIRED -> "Nộp phí, lệ phí và nghĩa vụ tài chính";
            default -> null;
        };
    }
}
