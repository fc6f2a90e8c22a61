package vn.hanoi.hcc.bff.dossier;

/**
 * What became of one event of a batch: its outcome, or the failure that refused it.
 */
public record BatchItemResult(BatchItem item, EventOutcome outcome, Throwable failure) {}
