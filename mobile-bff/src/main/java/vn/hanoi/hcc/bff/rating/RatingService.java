package vn.hanoi.hcc.bff.rating;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.DossierQueryService;
import vn.hanoi.hcc.bff.dossier.DossierRecord;
import vn.hanoi.hcc.bff.error.ConflictException;

/** A citizen rates their dossier once, when its result is ready or returned. */
@Service
public class RatingService {

    private final DossierQueryService dossiers;
    private final DatabaseClient db;

    RatingService(DossierQueryService dossiers, DatabaseClient db) {
        this.dossiers = dossiers;
        this.db = db;
    }

    /**
     * Records the rating.
     *
     * @param comment optional
     * @return the rating, or an error: 404 (not the caller's), 409 (not finished, or already rated)
     */
    public Mono<Rating> rate(String code, String citizenId, int score, String comment) {
        return dossiers.forOwner(code, citizenId).flatMap(record -> {
            if (!record.dossier().status().isFinished()) {
                return Mono.error(new ConflictException("A dossier can be rated once its result is ready (status 9 or 10)"));
            }
            return insert(record, score, comment)
                    .switchIfEmpty(Mono.error(() -> new ConflictException("This dossier has already been rated")));
        });
    }

    private Mono<Rating> insert(DossierRecord record, int score, String comment) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                INSERT INTO dossier_rating (dossier_id, score, comment, point_id) VALUES (:dossier, :score, :comment, :point)
                ON CONFLICT (dossier_id) DO NOTHING
                RETURNING score, comment, created_at
                """)
                .bind("dossier", record.dossier().id())
                .bind("score", (short) score)
                .bind("point", record.point().id());
        insert = comment == null ? insert.bindNull("comment", String.class) : insert.bind("comment", comment);
        return insert.map(row -> new Rating(record.dossier().code(), row.get("score", Short.class),
                row.get("comment", String.class), row.get("created_at", java.time.Instant.class))).one();
    }
}
