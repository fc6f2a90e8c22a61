package vn.hanoi.hcc.bff.forecast;

import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import vn.hanoi.hcc.bff.background.BackgroundLoop;

/**
 * On every replica: a refresh every {@code refresh-interval} (which only one replica at a time
 * carries out, the others finding the state row held), and a reload of the distributions every
 * {@code reload-interval}. A result is in every replica's forecasts within about the sum of the two
 * (70 s by default).
 */
@Component
class ForecastLoop extends BackgroundLoop {

    private final ForecastRefresher refresher;
    private final ForecastIndex index;
    private final ForecastProperties properties;

    ForecastLoop(ForecastRefresher refresher, ForecastIndex index, ForecastProperties properties) {
        this.refresher = refresher;
        this.index = index;
        this.properties = properties;
    }

    @Override
    protected Disposable begin() {
        return Disposables.composite(
                every(
                        Duration.ofSeconds(5),
                        properties.refreshInterval(),
                        "Refreshing the forecast distributions",
                        () -> refresher.refresh().then(index.reload())),
                every(
                        Duration.ZERO,
                        properties.reloadInterval(),
                        "Reloading the forecast distributions",
                        index::reload));
    }
}
