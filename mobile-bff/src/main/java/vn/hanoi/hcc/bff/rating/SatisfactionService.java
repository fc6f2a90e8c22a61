package vn.hanoi.hcc.bff.rating;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The satisfaction rate per point and per branch group, against the city's 95 % target. */
@Service
public class SatisfactionService {

    public static final double TARGET = 0.95;

    private final RatingRepository ratings;

    SatisfactionService(RatingRepository ratings) {
        this.ratings = ratings;
    }

    /** The report: branch groups and points, the least satisfied first. */
    public record Report(double target, List<Satisfaction> branches, List<Satisfaction> points) {}

    public Mono<Report> report() {
        return Mono.zip(ratings.satisfactionByBranch(TARGET), ratings.satisfactionByPoint(Instant.EPOCH, TARGET))
                .map(both -> new Report(TARGET, both.getT1(), both.getT2()));
    }

    /** The satisfaction of every point rated since then, counted from those ratings only (the points' records). */
    public Mono<List<Satisfaction>> pointsSince(Instant since) {
        return ratings.satisfactionByPoint(since, TARGET);
    }
}
