package vn.hanoi.hcc.bff.dossier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.ConflictException;
import vn.hanoi.hcc.bff.error.ResourceNotFoundException;
import vn.hanoi.hcc.bff.error.ReusedIdentifierException;
import vn.hanoi.hcc.bff.security.Caller;

/**
 * Applies status events and due-date extensions. Each dossier is locked while an event applies, so
 * events on one dossier apply one at a time on any number of replicas. An event is recognised by
 * its client and event id: sent again it changes nothing and gets its first answer. Batches run in
 * transactions of {@value #CHUNK} events, dossiers locked in code order (so that concurrent
 * batches cannot deadlock); an event refused for its own reasons does not affect the others. Each
 * applied change is told to every {@link DossierChangeListener} (the owner's notification, the agent's
 * webhook) inside its transaction: their outbox rows commit with it, or nothing does.
 */
@Service
public class DossierEventService {

    static final int CHUNK = 100;

    private final DossierRepository repository;
    private final DossierCache cache;
    private final TransactionalOperator transactions;
    private final List<DossierChangeListener> listeners;

    DossierEventService(
            DossierRepository repository,
            DossierCache cache,
            ReactiveTransactionManager transactionManager,
            List<DossierChangeListener> listeners) {
        this.repository = repository;
        this.cache = cache;
        this.listeners = List.copyOf(listeners);
        this.transactions = TransactionalOperator.create(transactionManager);
    }

    public Mono<EventOutcome> apply(String code, DossierEventCommand event, Caller client) {
        return transactions
                .transactional(applyInTransaction(code, event, client))
                .flatMap(outcome -> outcome.replayed()
                        ? Mono.just(outcome)
                        : cache.evict(code, outcome.version()).thenReturn(outcome));
    }

    /** Every event's result, in the batch's order. */
    public Mono<List<BatchItemResult>> applyBatch(List<BatchItem> items, Caller client) {
        List<BatchItem> valid = items.stream()
                .filter(item -> item.invalid() == null)
                .sorted(Comparator.comparing(BatchItem::code).thenComparingInt(BatchItem::index))
                .toList();
        List<List<BatchItem>> chunks = new ArrayList<>();
        for (int from = 0; from < valid.size(); from += CHUNK) {
            chunks.add(valid.subList(from, Math.min(from + CHUNK, valid.size())));
        }
        Flux<BatchItemResult> refused = Flux.fromIterable(items)
                .filter(item -> item.invalid() != null)
                .map(item -> new BatchItemResult(item, null, item.invalid()));
        return Flux.concat(refused, Flux.fromIterable(chunks).concatMap(chunk -> applyChunk(chunk, client)))
                .sort(Comparator.comparingInt(result -> result.item().index()))
                .collectList();
    }

    private Flux<BatchItemResult> applyChunk(List<BatchItem> chunk, Caller client) {
        Mono<List<BatchItemResult>> inOneTransaction = Flux.fromIterable(chunk)
                .concatMap(item -> applyInTransaction(item.code(), item.event(), client)
                        .map(outcome -> new BatchItemResult(item, outcome, null))
                        // refused for its own reasons: nothing was written for it, the others go on
                        .onErrorResume(
                                DossierEventService::isRefusal,
                                refusal -> Mono.just(new BatchItemResult(item, null, refusal))))
                .collectList();
        return transactions
                .transactional(inOneTransaction)
                .flatMapMany(results -> Flux.fromIterable(results)
                        .filter(result ->
                                result.outcome() != null && !result.outcome().replayed())
                        .concatMap(result -> cache.evict(
                                result.outcome().code(), result.outcome().version()))
                        .thenMany(Flux.fromIterable(results)))
                // the chunk's transaction failed as a whole: none of its events was applied
                .onErrorResume(
                        failure -> !isRefusal(failure),
                        failure -> Flux.fromIterable(chunk).map(item -> new BatchItemResult(item, null, failure)));
    }

    private Mono<EventOutcome> applyInTransaction(String code, DossierEventCommand event, Caller client) {
        String fingerprint = EventFingerprint.of(code, event);
        return repository
                .lockByCode(code)
                .filter(dossier ->
                        client.seesAllDossiers() || dossier.filedByClient().equals(client.subject()))
                .switchIfEmpty(Mono.error(() -> new DossierNotFoundException(code)))
                .flatMap(dossier -> repository
                        .findEvent(client.subject(), event.eventId())
                        .map(stored -> replay(stored, code, fingerprint))
                        .switchIfEmpty(Mono.defer(() -> record(dossier, event, client, fingerprint))));
    }

    private static EventOutcome replay(StoredEvent stored, String code, String fingerprint) {
        if (!stored.dossierCode().equals(code) || !stored.fingerprint().equals(fingerprint)) {
            throw new ReusedIdentifierException(
                    "Event id '" + stored.eventId() + "' was already used for another event");
        }
        return new EventOutcome(
                code,
                stored.eventId(),
                stored.applied(),
                true,
                stored.statusAfter(),
                stored.dueAfter(),
                stored.versionAfter());
    }

    private Mono<EventOutcome> record(Dossier dossier, DossierEventCommand event, Caller client, String fingerprint) {
        DossierChange change = DossierChange.of(dossier, event);
        Dossier after = dossier.with(change);
        // the event first: if its id turns out taken, nothing else was written
        return repository
                .insertEvent(after, client.subject(), event, event.kind(), change.applied(), fingerprint)
                .switchIfEmpty(Mono.error(() -> new ReusedIdentifierException(
                        "Event id '" + event.eventId() + "' was already used for another event")))
                .flatMap(id -> repository.update(after))
                .flatMap(updated -> tell(updated, event, change.applied()).thenReturn(updated))
                .map(updated -> new EventOutcome(
                        dossier.code(),
                        event.eventId(),
                        change.applied(),
                        false,
                        updated.status(),
                        updated.dueAt(),
                        updated.version()));
    }

    /** Every listener, one after the other, in this transaction, of a change that was applied. */
    private Mono<Void> tell(Dossier updated, DossierEventCommand event, boolean applied) {
        if (!applied || event.kind() == EventKind.FILED) {
            return Mono.empty();
        }
        DossierChanged change = event.kind() == EventKind.DUE_EXTENDED
                ? new DossierDueExtended(updated, event.eventId(), event.occurredAt())
                : new DossierStatusChanged(updated, event.eventId(), event.occurredAt());
        return Flux.fromIterable(listeners)
                .concatMap(listener -> listener.on(change))
                .then();
    }

    private static boolean isRefusal(Throwable failure) {
        return failure instanceof ConflictException
                || failure instanceof ResourceNotFoundException
                || failure instanceof ReusedIdentifierException;
    }
}
