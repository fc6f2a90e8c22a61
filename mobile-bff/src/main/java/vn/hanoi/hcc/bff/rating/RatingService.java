package vn.hanoi.hcc.bff.rating;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.DossierQueryService;
import vn.hanoi.hcc.bff.error.ConflictException;

/** A citizen rates their dossier once, when its result is ready or returned. */
@Service
public class RatingService {

    private final DossierQueryService dossiers;
    private final RatingRepository ratings;

    RatingService(DossierQueryService dossiers, RatingRepository ratings) {
        this.dossiers = dossiers;
        this.ratings = ratings;
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
                return Mono.error(
                        new ConflictException("A dossier can be rated once its result is ready (status 9 or 10)"));
            }
            return ratings.insert(record, score, comment)
                    .switchIfEmpty(Mono.error(() -> new ConflictException("This dossier has already been rated")));
        });
    }
}
