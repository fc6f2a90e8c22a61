package vn.hanoi.hcc.bff.dossier;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;

/**
 * Reading dossiers: a citizen's own (anyone else's reads as unknown), and the public lookup with
 * the receipt's secret. Single dossiers come from the cache when Redis answers, from PostgreSQL
 * otherwise.
 */
@Service
public class DossierQueryService {

    /** Compared against when the code is unknown, so that both failures cost the same work. */
    private static final String NO_SECRET = "0".repeat(64);

    private final DossierRepository repository;
    private final DossierCache cache;
    private final LookupThrottle throttle;
    private final PersonalDataHasher hasher;

    DossierQueryService(
            DossierRepository repository, DossierCache cache, LookupThrottle throttle, PersonalDataHasher hasher) {
        this.repository = repository;
        this.cache = cache;
        this.throttle = throttle;
        this.hasher = hasher;
    }

    /** The citizen's dossier; a 404 identical to an unknown code if it is someone else's. */
    public Mono<DossierRecord> forOwner(String code, String citizenId) {
        String owner = hasher.citizenRef(citizenId);
        return load(code)
                .flatMap(Mono::justOrEmpty)
                .filter(record -> PersonalDataHasher.sameHash(record.dossier().applicantRef(), owner))
                .switchIfEmpty(Mono.error(() -> new DossierNotFoundException(code)));
    }

    public Mono<DossierPage> listForOwner(String citizenId, int page, int size) {
        String owner = hasher.citizenRef(citizenId);
        return repository
                .countByOwner(owner)
                .flatMap(total -> repository
                        .findByOwner(owner, page * size, size)
                        .collectList()
                        .flatMap(this::withRunningTimelines)
                        .map(dossiers -> new DossierPage(dossiers, page, size, total)));
    }

    /** The running dossiers of these with their timelines (their forecasts count the time spent). */
    Mono<List<DossierRecord>> withRunningTimelines(List<DossierRecord> records) {
        List<Long> running = records.stream()
                .map(DossierRecord::dossier)
                .filter(dossier ->
                        dossier.status().isActive() || dossier.status().isPaused())
                .map(Dossier::id)
                .toList();
        if (running.isEmpty()) {
            return Mono.just(records);
        }
        return repository
                .timelines(running)
                .map(timelines -> records.stream()
                        .map(record -> new DossierRecord(
                                record.dossier(),
                                record.point(),
                                List.copyOf(
                                        timelines.getOrDefault(record.dossier().id(), List.of()))))
                        .toList());
    }

    /**
     * The dossier whose receipt carries this code and secret. Unknown codes and wrong secrets fail
     * alike; each lookup counts against its client address and its code until it matches, and past
     * their bounds further lookups are refused for a while ({@link LookupThrottle}).
     */
    public Mono<DossierRecord> lookup(String code, String secret, String clientAddress) {
        String presented = hasher.lookupSecretHash(code, secret);
        return throttle.attempt(code, clientAddress)
                .flatMap(counted -> load(code).flatMap(found -> {
                    String expected = found.map(record -> record.dossier().lookupSecretHash())
                            .orElse(NO_SECRET);
                    boolean matches = PersonalDataHasher.sameHash(expected, presented) && found.isPresent();
                    if (!matches) {
                        return Mono.error(new DossierLookupFailedException());
                    }
                    return (counted ? throttle.matched(code, clientAddress) : Mono.<Void>empty())
                            .thenReturn(found.get());
                }));
    }

    /** The dossier from the cache, or PostgreSQL (then cached); {@code Optional.empty()} if there is none. */
    Mono<Optional<DossierRecord>> load(String code) {
        return cache.get(code)
                .switchIfEmpty(Mono.defer(() -> repository
                        .findRecord(code)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(found -> cache.put(code, found).thenReturn(found))));
    }
}
