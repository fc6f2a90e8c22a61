package vn.hanoi.hcc.bff.coverage;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.background.BackgroundLoop;
import vn.hanoi.hcc.bff.point.PointIndex;
import vn.hanoi.hcc.bff.routing.TravelMode;

/**
 * Recomputes the coverage of every mode in the background whenever this replica loads a new
 * network, so that planners rarely wait for a report.
 */
@Component
class CoverageWarmer extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(CoverageWarmer.class);

    private final PointIndex index;
    private final CoverageService coverage;

    CoverageWarmer(PointIndex index, CoverageService coverage) {
        this.index = index;
        this.coverage = coverage;
    }

    @Override
    protected Disposable begin() {
        return index.changes()
                .concatMap(network -> Flux.fromIterable(List.of(TravelMode.values()))
                        .concatMap(mode -> coverage.report(mode)
                                .doOnNext(report -> log.info(
                                        "Coverage by {} at network version {}: {} %",
                                        mode.code(),
                                        report.networkVersion(),
                                        Math.round(report.coveredShare() * 1000) / 10.0))
                                .onErrorResume(failure -> {
                                    log.warn("Coverage by {} not precomputed: {}", mode.code(), failure.toString());
                                    return Mono.empty();
                                }))
                        .then())
                .subscribe();
    }
}
