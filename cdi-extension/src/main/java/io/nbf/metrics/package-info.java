/**
 * Call metrics: {@link io.nbf.metrics.CallMetrics}, recorded as OpenTelemetry instruments of the scope
 * {@code io.nbf} when the host has an OpenTelemetry meter provider ({@link io.nbf.metrics.OpenTelemetryCallMetrics}),
 * and nothing otherwise. Names follow OpenTelemetry's rules: dotted, units in UCUM (curly braces for
 * counted things), no {@code _total} suffix (a Prometheus exporter adds it).
 *
 * <table>
 *   <caption>nbf's metrics</caption>
 *   <tr><th>name</th><th>instrument</th><th>unit</th><th>attributes</th></tr>
 *   <tr><td>{@code nbf.calls}</td><td>counter</td><td>{@code {call}}</td>
 *       <td>{@code nbf.spi}, {@code nbf.method}, {@code nbf.bundle.id}, {@code nbf.bundle.version}: calls a bundle
 *       served, as the bundle routed to or as a degradation bundle</td></tr>
 *   <tr><td>{@code nbf.calls.failed}</td><td>counter</td><td>{@code {call}}</td><td>the same: calls that threw</td></tr>
 *   <tr><td>{@code nbf.calls.degraded}</td><td>counter</td><td>{@code {call}}</td><td>the same, and
 *       {@code nbf.degradation.reason} ({@link io.nbf.metrics.DegradationReason#attributeValue()}): calls routed to
 *       the bundle that went to a degradation or mock bundle</td></tr>
 *   <tr><td>{@code nbf.call.duration}</td><td>histogram</td><td>{@code s}</td><td>as {@code nbf.calls}</td></tr>
 *   <tr><td>{@code nbf.breaker.state}</td><td>gauge</td><td>{@code {state}}</td><td>{@code nbf.spi},
 *       {@code nbf.bundle.id}, {@code nbf.bundle.version}: 0 closed, 1 open, 2 half-open</td></tr>
 *   <tr><td>{@code nbf.bundles.installed}, {@code nbf.bundles.active}, {@code nbf.bundles.live}</td>
 *       <td>up-down counter (asynchronous)</td><td>{@code {bundle}}</td><td>none: bundle versions installed; of those,
 *       the started ones (a retained former version is started); the ones serving calls</td></tr>
 * </table>
 */
package io.nbf.metrics;
