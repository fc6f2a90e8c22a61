package vn.hanoi.hcc.bff.dossier.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import vn.hanoi.hcc.bff.dossier.EventOutcome;
import vn.hanoi.hcc.bff.dossier.FeedItem;
import vn.hanoi.hcc.bff.dossier.FiledDossier;
import vn.hanoi.hcc.bff.error.Problem;

/** The machine API's answers. */
final class AgentResponses {

    private AgentResponses() {}

    /** A dossier just filed: the code and secret to print on the receipt. */
    record Filed(String code, String lookupSecret, int status, Instant dueAt) {
        static Filed of(FiledDossier filed) {
            return new Filed(
                    filed.dossier().code(),
                    filed.lookupSecret(),
                    filed.dossier().status().code(),
                    filed.dossier().dueAt());
        }

        @Override
        public String toString() {
            return "Filed[" + code + "]";
        }
    }

    /**
     * An event's outcome.
     *
     * @param result {@code applied}, {@code timeline} (older than the newest: history only) or {@code replayed}
     */
    record Event(String code, String eventId, String result, int status, Instant dueAt, long version) {
        static Event of(EventOutcome outcome) {
            String result = outcome.replayed() ? "replayed" : outcome.applied() ? "applied" : "timeline";
            return new Event(
                    outcome.code(),
                    outcome.eventId(),
                    result,
                    outcome.status().code(),
                    outcome.dueAt(),
                    outcome.version());
        }
    }

    /** One event of a batch: its outcome, or the problem that refused it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchResult(
            int index, String code, String eventId, String result, Integer status, Instant dueAt, Problem problem) {}

    record Batch(int applied, int refused, List<BatchResult> results) {}

    /** A change in the feed; statuses as the national codes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(
            String code,
            String eventId,
            String source,
            String kind,
            Integer status,
            Instant occurredAt,
            String agency,
            String note,
            Instant dueAt,
            String reason,
            boolean applied,
            int statusAfter,
            Instant dueAfter,
            long versionAfter,
            Instant recordedAt) {
        static Change of(FeedItem item) {
            return new Change(
                    item.code(),
                    item.eventId(),
                    item.source(),
                    item.kind().name(),
                    item.status() == null ? null : item.status().code(),
                    item.occurredAt(),
                    item.agency(),
                    item.note(),
                    item.dueAt(),
                    item.reason(),
                    item.applied(),
                    item.statusAfter().code(),
                    item.dueAfter(),
                    item.versionAfter(),
                    item.recordedAt());
        }
    }

    /** @param next the cursor to pass as updatedSince next time (also when there was nothing new) */
    record Feed(List<Change> items, String next, boolean hasMore) {}
}
