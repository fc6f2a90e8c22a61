package vn.hanoi.hcc.bff.dossier;

import java.util.List;

/** One page of a citizen's dossiers, newest first. */
public record DossierPage(List<DossierRecord> dossiers, int page, int size, long total) {

    public boolean hasMore() {
        return (long) (page + 1) * size < total;
    }
}
