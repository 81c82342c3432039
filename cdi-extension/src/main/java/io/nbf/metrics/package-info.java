/**
 * Call metrics: {@link io.nbf.metrics.CallMetrics}, recorded through MicroProfile Metrics when its API
 * and a registry are present ({@link io.nbf.metrics.MicroProfileCallMetrics}), and nothing otherwise.
 *
 * <p>Names and tags:
 * <ul>
 *   <li>{@code nbf.calls} (counter) and {@code nbf.calls.duration} (timer): calls a bundle served, tags
 *       {@code spi}, {@code bundle}, {@code version}, {@code method};</li>
 *   <li>{@code nbf.calls.failed} (counter): calls that threw, same tags;</li>
 *   <li>{@code nbf.calls.degraded} (counter): calls that went to a degradation or mock bundle, same tags
 *       plus {@code reason} (see {@link io.nbf.guard.DegradationReason});</li>
 *   <li>{@code nbf.breaker.state} (gauge): 0 closed, 1 open, 2 half-open; tags {@code spi}, {@code bundle},
 *       {@code version};</li>
 *   <li>{@code nbf.bundles.installed} and {@code nbf.bundles.active} (gauges): bundle versions installed,
 *       and of those the active ones.</li>
 * </ul>
 */
package io.nbf.metrics;
