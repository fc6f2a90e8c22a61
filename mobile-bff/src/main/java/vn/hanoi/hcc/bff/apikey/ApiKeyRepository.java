package vn.hanoi.hcc.bff.apikey;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code api_key} table, over R2DBC. */
@Repository
class ApiKeyRepository {

    private static final String COLUMNS =
            "id, client_id, kind, scopes, rate_tier, label, key_hint, agencies, created_at, revoked_at";

    private final DatabaseClient db;

    ApiKeyRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<ApiKey> insert(NewApiKey key, String keyHash, String keyHint, String createdBy) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                INSERT INTO api_key (client_id, kind, scopes, rate_tier, label, key_hash, key_hint, agencies, created_by)
                VALUES (:clientId, :kind, :scopes, :rateTier, :label, :keyHash, :keyHint, :agencies, :createdBy)
                """ + " RETURNING " + COLUMNS)
                .bind("clientId", key.clientId())
                .bind("kind", key.kind())
                .bind("scopes", key.scopes().stream().sorted().toArray(String[]::new))
                .bind("rateTier", key.rateTier())
                .bind("keyHash", keyHash)
                .bind("keyHint", keyHint)
                .bind(
                        "agencies",
                        key.agencies() == null
                                ? new String[0]
                                : key.agencies().stream().sorted().toArray(String[]::new));
        insert = key.label() == null ? insert.bindNull("label", String.class) : insert.bind("label", key.label());
        insert = createdBy == null ? insert.bindNull("createdBy", String.class) : insert.bind("createdBy", createdBy);
        return insert.map(ApiKeyRepository::toKey).one();
    }

    Flux<ApiKey> findAll() {
        return db.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, id")
                .map(ApiKeyRepository::toKey)
                .all();
    }

    Mono<ApiKey> findActiveByHash(String keyHash) {
        return db.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = :keyHash AND revoked_at IS NULL")
                .bind("keyHash", keyHash)
                .map(ApiKeyRepository::toKey)
                .one();
    }

    /** Revokes the key (a second revocation keeps the first time); empty when no key has the id. */
    Mono<ApiKey> revoke(UUID id) {
        return db.sql("UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = :id RETURNING " + COLUMNS)
                .bind("id", id)
                .map(ApiKeyRepository::toKey)
                .one();
    }

    private static ApiKey toKey(Readable row) {
        return new ApiKey(
                row.get("id", UUID.class),
                row.get("client_id", String.class),
                row.get("kind", String.class),
                Set.of(row.get("scopes", String[].class)),
                row.get("rate_tier", String.class),
                row.get("label", String.class),
                row.get("key_hint", String.class),
                Set.of(row.get("agencies", String[].class)),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("revoked_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
