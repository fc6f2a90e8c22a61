package vn.hanoi.hcc.bff.dossier;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.security.Caller;

/**
 * The change feed: every event of every dossier the caller may see, once each, in a stable order.
 * Each event row records its writing transaction ({@code pg_current_xact_id()}); a page only reads
 * rows of transactions older than every transaction still running ({@code pg_snapshot_xmin}), and
 * orders by (transaction, event). A transaction that commits late therefore never lands behind a
 * cursor already handed out: nothing is skipped, nothing repeated. The price is that a change shows
 * once the transactions begun before it have ended (usually milliseconds).
 */
@Service
public class DossierFeedService {

    private final DossierFeedRepository feed;

    DossierFeedService(DossierFeedRepository feed) {
        this.feed = feed;
    }

    /** Up to {@code limit} changes after the cursor: all dossiers for the city system, its own for an agent. */
    public Mono<FeedPage> changes(Caller client, FeedCursor after, int limit) {
        return feed.findAfter(after, client.seesAllDossiers() ? null : client.subject(), limit)
                .collectList()
                .map(page -> new FeedPage(
                        page.stream()
                                .map(DossierFeedRepository.Positioned::item)
                                .toList(),
                        page.isEmpty() ? after : page.get(page.size() - 1).position(),
                        page.size() == limit));
    }
}
