package vn.hanoi.hcc.bff.point;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Finding service points. */
@Service
public class PointService {

    private final PointRepository repository;

    PointService(PointRepository repository) {
        this.repository = repository;
    }

    /** Active points matching the filter, in listing order. */
    public Flux<ServicePoint> find(PointFilter filter) {
        return repository.findActive(filter);
    }

    /**
     * One point by id, also when inactive (its page then says it is closed).
     *
     * @return the point, or an error of {@link vn.hanoi.hcc.bff.error.ResourceNotFoundException}
     */
    public Mono<ServicePoint> get(String id) {
        return repository.findById(id).switchIfEmpty(Mono.error(() -> new PointNotFoundException(id)));
    }
}
