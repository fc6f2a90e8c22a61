package vn.hanoi.hcc.bff.rating;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The satisfaction rate per point and per branch group, against the city's 95 % target. */
@Service
public class SatisfactionService {

    public static final double TARGET = 0.95;

    private final DatabaseClient db;

    SatisfactionService(DatabaseClient db) {
        this.db = db;
    }

    /** The report: branch groups and points, the least satisfied first. */
    public record Report(double target, List<Satisfaction> branches, List<Satisfaction> points) {
    }

    public Mono<Report> report() {
        Mono<List<Satisfaction>> points = db.sql("""
                SELECT p.id, p.name, p.branch_group, count(*) AS ratings, count(*) FILTER (WHERE r.score >= 4) AS satisfied
                FROM dossier_rating r JOIN service_point p ON p.id = r.point_id
                GROUP BY p.id, p.name, p.branch_group
                ORDER BY count(*) FILTER (WHERE r.score >= 4)::float / count(*), p.id
                """)
                .map(row -> Satisfaction.of(row.get("id", String.class), row.get("name", String.class),
                        row.get("branch_group", String.class), row.get("ratings", Long.class),
                        row.get("satisfied", Long.class), TARGET))
                .all().collectList();
        Mono<List<Satisfaction>> branches = db.sql("""
                SELECT p.branch_group, count(*) AS ratings, count(*) FILTER (WHERE r.score >= 4) AS satisfied
                FROM dossier_rating r JOIN service_point p ON p.id = r.point_id
                GROUP BY p.branch_group
                ORDER BY count(*) FILTER (WHERE r.score >= 4)::float / count(*), p.branch_group
                """)
                .map(row -> Satisfaction.of(row.get("branch_group", String.class), row.get("branch_group", String.class),
                        row.get("branch_group", String.class), row.get("ratings", Long.class),
                        row.get("satisfied", Long.class), TARGET))
                .all().collectList();
        return Mono.zip(branches, points).map(both -> new Report(TARGET, both.getT1(), both.getT2()));
    }
}
