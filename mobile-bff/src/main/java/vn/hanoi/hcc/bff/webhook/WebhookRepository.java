package vn.hanoi.hcc.bff.webhook;

import java.net.URI;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code agent_webhook} table: each agent's one webhook, with the secret it is signed with. */
@Repository
class WebhookRepository {

    private final DatabaseClient db;

    WebhookRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Sets the client's webhook, or replaces the one it had. */
    Mono<WebhookService.Registered> save(String clientId, URI target, String secret) {
        return db.sql("""
                INSERT INTO agent_webhook (client_id, url, secret) VALUES (:client, :url, :secret)
                ON CONFLICT (client_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, updated_at = now()
                RETURNING updated_at, (xmax = 0) AS created""")
                .bind("client", clientId)
                .bind("url", target.toString())
                .bind("secret", secret)
                .map(row -> new WebhookService.Registered(
                        target,
                        row.get("updated_at", Instant.class),
                        Boolean.TRUE.equals(row.get("created", Boolean.class))))
                .one();
    }
}
