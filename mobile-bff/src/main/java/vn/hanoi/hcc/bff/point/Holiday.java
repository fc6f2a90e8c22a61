package vn.hanoi.hcc.bff.point;

import java.time.LocalDate;

/**
 * A day every point is closed.
 *
 * @param source the law or notice it comes from, or who entered it
 */
public record Holiday(LocalDate day, String name, String source) {}
