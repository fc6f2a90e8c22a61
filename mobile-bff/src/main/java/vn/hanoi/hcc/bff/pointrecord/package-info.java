/**
 * Each point's public service record over the last 90 days: dossiers received, the share finished
 * on time or early and the median working days to a result, satisfaction; each figure shown only
 * above a minimum count. Computed every {@code refresh-every} by one replica at a time (a claim with
 * a lease on one row) into one row per point, read from memory by every replica, which reloads it
 * when its generation moves. Reads dossiers and ratings; provides {@link vn.hanoi.hcc.bff.point.PointRecords}.
 */
package vn.hanoi.hcc.bff.pointrecord;
