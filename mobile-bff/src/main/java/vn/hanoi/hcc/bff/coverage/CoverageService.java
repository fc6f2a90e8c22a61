package vn.hanoi.hcc.bff.coverage;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.hanoi.hcc.bff.error.BusyException;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.i18n.Language;
import vn.hanoi.hcc.bff.point.PointIndex;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelProperties;

/**
 * Coverage reports: computed on a few worker threads of their own (never an event loop), cached
 * per network version and mode, so that a change of the network makes the next request compute
 * afresh. What-if reports are computed on demand and never cached, on workers of their own: a
 * what-if is a whole computation, and a burst of them once left the public report and map
 * waiting behind it. When a pool's workers and short queue are full, the request is refused with
 * a 503 rather than queued without end. Suggestions of new sites run on workers of their own too,
 * under a deadline (503 past it), cached per network version and parameters.
 */
@Service
public class CoverageService implements DisposableBean {

    private static final int QUEUED_COMPUTATIONS = 16;

    private final PointIndex index;
    private final CoverageCalculator calculator;
    private final CoverageProperties properties;
    private final Scheduler workers;
    private final Scheduler whatIfWorkers;
    private final Scheduler suggestionWorkers;
    private final CoverageSuggester suggester;
    private final HeuristicTravelTimes model;
    private final Mono<List<Ward>> wards;
    private final Map<ReportKey, Mono<CoverageReport>> reports = new ConcurrentHashMap<>();
    private final Map<MapKey, Mono<String>> maps = new ConcurrentHashMap<>();
    private final Map<SuggestionKey, Mono<Suggestions>> suggestions = new ConcurrentHashMap<>();

    CoverageService(
            PointIndex index,
            WardRepository wardRepository,
            CoverageCalculator calculator,
            CoverageSuggester suggester,
            HeuristicTravelTimes model,
            CoverageProperties properties) {
        this.index = index;
        this.calculator = calculator;
        this.suggester = suggester;
        this.model = model;
        this.properties = properties;
        this.workers = Schedulers.newBoundedElastic(properties.workers(), QUEUED_COMPUTATIONS, "coverage");
        this.whatIfWorkers = Schedulers.newBoundedElastic(
                properties.whatIf().workers(), properties.whatIf().queue(), "coverage-what-if");
        this.suggestionWorkers = Schedulers.newBoundedElastic(
                properties.suggestions().workers(), properties.suggestions().queue(), "coverage-suggestions");
        this.wards =
                Mono.defer(() -> wardRepository.findAll(workers).collectList()).cacheInvalidateIf(loaded -> false);
    }

    private record ReportKey(long version, TravelMode mode) {}

    private record MapKey(long version, TravelMode mode, String language, int suggest) {}

    private record SuggestionKey(long version, SuggestionQuery query) {}

    /** The coverage of the current network. */
    public Mono<CoverageReport> report(TravelMode mode) {
        return index.snapshot().flatMap(network -> {
            ReportKey key = new ReportKey(network.version(), mode);
            reports.keySet().removeIf(cached -> cached.version() < network.version());
            return reports.computeIfAbsent(
                    key, absent -> compute(network, mode, workers).cacheInvalidateIf(report -> false));
        });
    }

    /** What the coverage would be with these points added and those removed; nothing is changed. */
    public Mono<WhatIf> whatIf(TravelMode mode, List<LatLon> added, List<String> removed) {
        if (added.size() + removed.size() > properties.maxWhatIfChanges()) {
            throw InvalidRequestException.of(
                    "add", "at most " + properties.maxWhatIfChanges() + " points added and removed together");
        }
        return index.snapshot().flatMap(network -> {
            PointSnapshot changed = WhatIfNetwork.of(network, added, removed);
            return report(mode).zipWith(compute(changed, mode, whatIfWorkers), WhatIf::new);
        });
    }

    /** A what-if report beside the report of the network as it is. */
    public record WhatIf(CoverageReport baseline, CoverageReport result) {}

    /**
     * The current coverage as an SVG map, labelled in Vietnamese or English, with the first
     * {@code suggest} suggested sites (by ward, default target) numbered on it; none when 0.
     */
    public Mono<String> map(TravelMode mode, Locale locale, int suggest) {
        String language = Language.of(locale).tag();
        return index.snapshot().flatMap(network -> {
            MapKey key = new MapKey(network.version(), mode, language, suggest);
            maps.keySet().removeIf(cached -> cached.version() < network.version());
            return maps.computeIfAbsent(
                    key,
                    absent -> Mono.zip(report(mode), wards, sites(network, mode, suggest))
                            .publishOn(workers)
                            .map(parts -> CoverageMap.render(
                                    parts.getT1(),
                                    byCode(parts.getT2()),
                                    network.points(),
                                    parts.getT3(),
                                    Locale.forLanguageTag(language)))
                            .onErrorMap(RejectedExecutionException.class, CoverageService::busy)
                            .cacheInvalidateIf(svg -> false));
        });
    }

    /**
     * The first sites suggested by ward at the default target, for the map; none when 0. One
     * computation, of the most sites, serves every count: the greedy choice of the first N sites does
     * not depend on how many are asked for.
     */
    private Mono<List<Suggestions.Site>> sites(PointSnapshot network, TravelMode mode, int count) {
        if (count == 0) {
            return Mono.just(List.of());
        }
        SuggestionQuery byWard = new SuggestionQuery(
                mode,
                SuggestionQuery.MAX_COUNT,
                defaultTarget(),
                SuggestionQuery.Candidates.WARDS,
                List.of(),
                List.of());
        return suggest(network, byWard)
                .map(found ->
                        found.sites().subList(0, Math.min(count, found.sites().size())));
    }

    /** The target the report uses (5 km / 30 min), the suggestions' default. */
    public TravelProperties.Target defaultTarget() {
        return model.target();
    }

    /** Where new points would bring the most people within target, on the current network; nothing is changed. */
    public Mono<Suggestions> suggest(SuggestionQuery query) {
        return index.snapshot().flatMap(network -> suggest(network, query));
    }

    private Mono<Suggestions> suggest(PointSnapshot network, SuggestionQuery query) {
        SuggestionKey key = new SuggestionKey(network.version(), query);
        suggestions.keySet().removeIf(cached -> cached.version() < network.version());
        if (suggestions.size() >= properties.suggestions().cached() && !suggestions.containsKey(key)) {
            suggestions.clear();
        }
        Duration deadline = properties.suggestions().deadline();
        return suggestions.computeIfAbsent(
                key,
                absent -> Mono.defer(() -> {
                            long until = System.nanoTime() + deadline.toNanos();
                            return wards.publishOn(suggestionWorkers)
                                    .map(all -> suggester.suggest(
                                            all,
                                            network,
                                            query,
                                            properties.referenceTime(),
                                            properties.suggestions().gridStepKm(),
                                            until));
                        })
                        .timeout(deadline, Schedulers.parallel())
                        .onErrorMap(RejectedExecutionException.class, CoverageService::busy)
                        .onErrorMap(
                                TimeoutException.class,
                                late -> new BusyException("The suggestions took longer than " + deadline.toSeconds()
                                        + " s; retry shortly"))
                        .cacheInvalidateIf(answer -> false));
    }

    private static Map<String, Ward> byCode(List<Ward> wards) {
        return wards.stream().collect(Collectors.toMap(Ward::code, ward -> ward));
    }

    private static BusyException busy(RejectedExecutionException rejected) {
        return new BusyException("Coverage computations are all busy; retry shortly");
    }

    private Mono<CoverageReport> compute(PointSnapshot network, TravelMode mode, Scheduler on) {
        return wards.publishOn(on)
                .map(all -> calculator.compute(all, network, mode, properties.referenceTime()))
                .onErrorMap(RejectedExecutionException.class, CoverageService::busy);
    }

    @Override
    public void destroy() {
        workers.dispose();
        whatIfWorkers.dispose();
        suggestionWorkers.dispose();
    }
}
