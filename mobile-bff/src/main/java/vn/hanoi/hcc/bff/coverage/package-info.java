/**
 * Who is within 5 km or 30 minutes of a service point: the share of Hanoi's population within
 * target, city-wide and per ward, from deterministic samples of each ward's polygon weighted by
 * the ward's population; the same for a what-if network; and a map of it for the Center's
 * planners. Reports are computed off the event loops, cached per network version and travel
 * mode, and recomputed when the network changes.
 */
package vn.hanoi.hcc.bff.coverage;
