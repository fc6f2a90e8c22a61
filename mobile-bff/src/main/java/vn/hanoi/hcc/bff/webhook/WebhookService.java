package vn.hanoi.hcc.bff.webhook;

import java.net.URI;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Each agent's one webhook: set or replaced, the secret kept for signing and never handed back. */
@Service
public class WebhookService {

    private final DatabaseClient db;
    private final WebhookTargetPolicy policy;

    WebhookService(DatabaseClient db, WebhookTargetPolicy policy) {
        this.db = db;
        this.policy = policy;
    }

    /** The registered webhook, with whether it replaced an earlier one. */
    public record Registered(URI url, Instant updatedAt, boolean created) {
    }

    public Mono<Registered> register(String clientId, String url, String secret) {
        return policy.check(url).flatMap(target -> db.sql("""
                INSERT INTO agent_webhook (client_id, url, secret) VALUES (:client, :url, :secret)
                ON CONFLICT (client_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, updated_at = now()
                RETURNING updated_at, (xmax = 0) AS created""")
                .bind("client", clientId)
                .bind("url", target.toString())
                .bind("secret", secret)
                .map(row -> new Registered(target, row.get("updated_at", Instant.class),
                        Boolean.TRUE.equals(row.get("created", Boolean.class))))
                .one());
    }
}
