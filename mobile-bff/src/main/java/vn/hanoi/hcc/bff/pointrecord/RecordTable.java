package vn.hanoi.hcc.bff.pointrecord;

import java.time.Instant;
import java.util.Map;

/**
 * Every point's record as one refresh wrote it.
 *
 * @param generation grows by one with every refresh; 0 before the first
 * @param from the window's start; null before the first refresh
 * @param to the window's end, when it was computed; null before the first refresh
 */
record RecordTable(long generation, Instant from, Instant to, Map<String, StoredRecord> records) {

    static final RecordTable EMPTY = new RecordTable(0, null, null, Map.of());
}
