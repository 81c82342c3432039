/**
 * Call metrics: {@link io.nbf.metrics.CallMetrics}, recorded through MicroProfile Metrics when its API
 * and a registry are present ({@link io.nbf.metrics.MicroProfileCallMetrics}), and nothing otherwise.
 *
 * <p>Names and tags:
 * <ul>
 *   <li>{@code nbf.calls} (counter) and {@code nbf.calls.duration} (timer): calls a bundle served (as the
 *       bundle routed to, or as a degradation bundle), tags
 *       {@code spi}, {@code bundle}, {@code version}, {@code method};</li>
 *   <li>{@code nbf.calls.failed} (counter): calls that threw, same tags;</li>
 *   <li>{@code nbf.calls.degraded} (counter): calls that went to a degradation or mock bundle, same tags
 *       plus {@code reason} (see {@link io.nbf.metrics.DegradationReason});</li>
 *   <li>{@code nbf.breaker.state} (gauge): 0 closed, 1 open, 2 half-open; tags {@code spi}, {@code bundle},
 *       {@code version};</li>
 *   <li>{@code nbf.bundles.installed}, {@code nbf.bundles.active} and {@code nbf.bundles.live} (gauges): bundle
 *       versions installed; of those, the started ones (a retained former version is started); and the
 *       ones serving calls.</li>
 * </ul>
 */
package io.nbf.metrics;
