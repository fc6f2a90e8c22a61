package vn.hanoi.hcc.bff.rating;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.DossierRecord;

/** The {@code dossier_rating} table: one rating per dossier, and the satisfaction they add up to. */
@Repository
class RatingRepository {

    private final DatabaseClient db;

    RatingRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Records the rating of the dossier at its receiving point; empty when the dossier is already rated. */
    Mono<Rating> insert(DossierRecord record, int score, String comment) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                INSERT INTO dossier_rating (dossier_id, score, comment, point_id) VALUES (:dossier, :score, :comment, :point)
                ON CONFLICT (dossier_id) DO NOTHING
                RETURNING score, comment, created_at
                """)
                .bind("dossier", record.dossier().id())
                .bind("score", (short) score)
                .bind("point", record.point().id());
        insert = comment == null ? insert.bindNull("comment", String.class) : insert.bind("comment", comment);
        return insert.map(row -> new Rating(
                        record.dossier().code(),
                        row.get("score", Short.class),
                        row.get("comment", String.class),
                        row.get("created_at", Instant.class)))
                .one();
    }

    /** The satisfaction of every point rated since then, from those ratings, the least satisfied first. */
    Mono<List<Satisfaction>> satisfactionByPoint(Instant since, double target) {
        return db.sql("""
                SELECT p.id, p.name, p.branch_group, count(*) AS ratings, count(*) FILTER (WHERE r.score >= 4) AS satisfied
                FROM dossier_rating r JOIN service_point p ON p.id = r.point_id
                WHERE r.created_at >= :since
                GROUP BY p.id, p.name, p.branch_group
                ORDER BY count(*) FILTER (WHERE r.score >= 4)::float / count(*), p.id
                """)
                .bind("since", since)
                .map(row -> Satisfaction.of(
                        row.get("id", String.class),
                        row.get("name", String.class),
                        row.get("branch_group", String.class),
                        row.get("ratings", Long.class),
                        row.get("satisfied", Long.class),
                        target))
                .all()
                .collectList();
    }

    /** The satisfaction of every branch group with a rated point, the least satisfied first. */
    Mono<List<Satisfaction>> satisfactionByBranch(double target) {
        return db.sql("""
                SELECT p.branch_group, count(*) AS ratings, count(*) FILTER (WHERE r.score >= 4) AS satisfied
                FROM dossier_rating r JOIN service_point p ON p.id = r.point_id
                GROUP BY p.branch_group
                ORDER BY count(*) FILTER (WHERE r.score >= 4)::float / count(*), p.branch_group
                """)
                .map(row -> Satisfaction.of(
                        row.get("branch_group", String.class),
                        row.get("branch_group", String.class),
                        row.get("branch_group", String.class),
                        row.get("ratings", Long.class),
                        row.get("satisfied", Long.class),
                        target))
                .all()
                .collectList();
    }
}
