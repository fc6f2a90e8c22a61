package vn.hanoi.hcc.bff.rating;

import java.time.Instant;

/** A citizen's rating of a dossier. */
public record Rating(String code, int score, String comment, Instant createdAt) {}
