package vn.hanoi.hcc.bff.notification;

import java.util.List;

/** One page of an inbox, newest first, with the count of unread notifications. */
public record InboxPage(List<InboxEntry> entries, int page, int size, long total, long unread) {

    public boolean hasMore() {
        return (long) (page + 1) * size < total;
    }
}
