package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The expected completion of running dossiers, which the dossier views show and another feature
 * (forecast) computes: the dossier feature knows it only by this interface.
 */
public interface CompletionOutlook {

    /** For a running dossier (1, 2, 4, 5, 6), its forecast in the caller's language; empty for any other. */
    Optional<ExpectedCompletion> of(DossierRecord record, Instant now, Locale locale);
}
