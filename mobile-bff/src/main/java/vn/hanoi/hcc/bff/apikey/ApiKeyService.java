package vn.hanoi.hcc.bff.apikey;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.Problem.InvalidParam;
import vn.hanoi.hcc.bff.input.TextPatterns;
import vn.hanoi.hcc.contract.apikey.ApiKeyHasher;

/** Making, listing, revoking and resolving machine clients' API keys. */
@Service
public class ApiKeyService {

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}");
    private static final Pattern AGENCY = Pattern.compile(TextPatterns.AGENCY);
    private static final int MAX_AGENCIES = 100;
    private static final List<String> KINDS = List.of("agent", "system");
    private static final int KEY_BYTES = 32;
    private static final int HINT_LENGTH = 8;
    private static final int MAX_LABEL = 200;

    private final ApiKeyRepository repository;
    private final ApiKeyHasher hasher;
    private final ApiKeyProperties properties;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyRepository repository, ApiKeyHasher hasher, ApiKeyProperties properties) {
        this.repository = repository;
        this.hasher = hasher;
        this.properties = properties;
    }

    /** Makes a key; the answer holds the plain key, which is never stored. */
    public Mono<CreatedApiKey> create(NewApiKey request, String createdBy) {
        validate(request);
        // the secure random source may read the OS entropy pool: off the event loop
        return Mono.fromCallable(this::newPlainKey)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(plain -> repository
                        .insert(request, hasher.hash(plain), plain.substring(0, HINT_LENGTH), createdBy)
                        .map(key -> new CreatedApiKey(key, plain)));
    }

    public Flux<ApiKey> list() {
        return repository.findAll();
    }

    /** Revokes a key: every gateway replica refuses it within its cache time (under 10 s). */
    public Mono<ApiKey> revoke(UUID id) {
        return repository.revoke(id).switchIfEmpty(Mono.error(() -> new ApiKeyNotFoundException(id.toString())));
    }

    /** The active key with this hash, for the gateway; a 404 otherwise. */
    public Mono<ApiKey> findActiveByHash(String keyHash) {
        return repository
                .findActiveByHash(keyHash)
                .switchIfEmpty(Mono.error(() -> new ApiKeyNotFoundException("(hash)")));
    }

    private String newPlainKey() {
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        return "hcc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * An agent's key names the agencies it files for (at least one); the city system's names none,
     * since it files for every agency.
     */
    private static void checkAgencies(NewApiKey request, List<InvalidParam> errors) {
        boolean none = request.agencies() == null || request.agencies().isEmpty();
        if ("system".equals(request.kind()) && !none) {
            errors.add(new InvalidParam("agencies", "must be left out: the city system files for every agency"));
        } else if ("agent".equals(request.kind())
                && (none
                        || request.agencies().size() > MAX_AGENCIES
                        || !request.agencies().stream()
                                .allMatch(code ->
                                        code != null && AGENCY.matcher(code).matches()))) {
            errors.add(new InvalidParam(
                    "agencies",
                    "must name the 1 to " + MAX_AGENCIES
                            + " agency codes (such as H26.99) this agent files dossiers for"));
        }
    }

    /** Every field checked, every offending one named: a missing one is refused, never compared. */
    private void validate(NewApiKey request) {
        List<InvalidParam> errors = new ArrayList<>();
        if (request.clientId() == null || !CLIENT_ID.matcher(request.clientId()).matches()) {
            errors.add(new InvalidParam("clientId", "must be 3-63 of a-z, 0-9 and -, starting with a letter or digit"));
        }
        if (request.kind() == null || !KINDS.contains(request.kind())) {
            errors.add(new InvalidParam("kind", "must be one of " + KINDS));
        }
        if (request.scopes() == null
                || request.scopes().isEmpty()
                || !request.scopes().stream()
                        .allMatch(scope -> scope != null && properties.scopes().contains(scope))) {
            errors.add(new InvalidParam("scopes", "must be a non-empty subset of " + properties.scopes()));
        }
        if (request.rateTier() == null || !properties.rateTiers().contains(request.rateTier())) {
            errors.add(new InvalidParam("rateTier", "must be one of " + properties.rateTiers()));
        }
        checkAgencies(request, errors);
        if (request.label() != null && request.label().length() > MAX_LABEL) {
            errors.add(new InvalidParam("label", "must be at most " + MAX_LABEL + " characters"));
        } else if (request.label() != null && !TextPatterns.isLine(request.label())) {
            errors.add(new InvalidParam("label", "must be one line without control or invisible characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
