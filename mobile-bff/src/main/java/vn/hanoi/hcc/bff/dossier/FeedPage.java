package vn.hanoi.hcc.bff.dossier;

import java.util.List;

/** Changes after a cursor, and the cursor to ask from next. */
public record FeedPage(List<FeedItem> items, FeedCursor next, boolean hasMore) {}
