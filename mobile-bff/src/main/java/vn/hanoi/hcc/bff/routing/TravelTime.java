package vn.hanoi.hcc.bff.routing;

/**
 * The time to reach one destination.
 *
 * @param minutes door to door, overhead included
 * @param estimate how it was obtained
 */
public record TravelTime(double minutes, Estimate estimate) {}
