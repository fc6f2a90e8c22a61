/**
 * Expected completion of running dossiers, from the working time comparable finished dossiers
 * took. The core is pure (no Spring, no database) so that the backtest runs the very code the API
 * does:
 *
 * <ul>
 *   <li>{@link vn.hanoi.hcc.bff.dossier.ProcessingClock} (in {@code dossier}: the points' records count with it too): {@code finished(timeline)}, the working
 *       time from receipt to result less the pauses; {@code spentAt(timeline, now)}, so far;
 *   <li>{@link vn.hanoi.hcc.bff.forecast.DurationDistribution}: {@code ofSamples(seconds)}, 101
 *       percentiles and a count; {@code conditionalQuantile(p, spent)}, {@code comparableCount(spent)};
 *   <li>{@link vn.hanoi.hcc.bff.forecast.DistributionTable}: the distributions of every
 *       {@link vn.hanoi.hcc.bff.forecast.ForecastLevel} and key over one window;
 *   <li>{@link vn.hanoi.hcc.bff.forecast.Forecaster}: {@code forecast(RunningDossier, now)}, an
 *       {@link vn.hanoi.hcc.bff.forecast.Forecast.Expected} (median, 80 % bound, likely late, basis)
 *       or an {@link vn.hanoi.hcc.bff.forecast.Forecast.Unavailable} with its reason.
 * </ul>
 */
package vn.hanoi.hcc.bff.forecast;
