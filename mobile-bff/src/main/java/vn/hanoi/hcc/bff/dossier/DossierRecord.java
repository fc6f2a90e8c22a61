package vn.hanoi.hcc.bff.dossier;

import java.util.List;

/** A dossier with its receiving point and its timeline: what every view is made from, and what is cached. */
public record DossierRecord(Dossier dossier, ReceivingPoint point, List<TimelineEntry> timeline) {

    public DossierRecord {
        timeline = List.copyOf(timeline);
    }
}
