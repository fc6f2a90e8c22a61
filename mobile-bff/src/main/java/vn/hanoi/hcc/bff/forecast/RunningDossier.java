package vn.hanoi.hcc.bff.forecast;

import java.time.Instant;
import java.util.List;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.StatusEvent;

/**
 * What a forecast needs of a running dossier: the groups it belongs to, its due time in force, and
 * its applied status events in order (the last one is its current status).
 */
public record RunningDossier(String procedure, String agency, String field, Instant dueAt, List<StatusEvent> timeline) {

    public RunningDossier {
        timeline = List.copyOf(timeline);
        if (timeline.isEmpty()) {
            throw new IllegalArgumentException("A dossier has at least the status it was filed in");
        }
    }

    public StatusEvent current() {
        return timeline.get(timeline.size() - 1);
    }

    public DossierStatus status() {
        return current().status();
    }

    /** Still open: 1, 2, 4 with the clock running, 5, 6 with it paused. */
    public boolean isRunning() {
        return status().isActive() || status().isPaused();
    }
}
