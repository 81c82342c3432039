/**
 * Call spans: {@link io.nbf.trace.CallTracer}, as OpenTelemetry spans of the scope {@code io.nbf} when the
 * host has a tracer provider ({@link io.nbf.trace.OpenTelemetryCallTracer}), and nothing otherwise.
 *
 * <p>Each routed call is a span named {@code <SPI simple name>.<method>} (e.g. {@code PriceService.quote}),
 * of kind {@code INTERNAL}, the child of the caller's current span, with the attributes {@code nbf.spi},
 * {@code nbf.method}, {@code nbf.bundle.id}, {@code nbf.bundle.version} (of the bundle the route chose; absent
 * when none was live) and {@code nbf.route}. It is current while the bundle runs, so the spans of the calls
 * a bundle makes, to other bundles or anywhere, nest under it. A call that degrades gets the event
 * {@code nbf.degraded} ({@code nbf.degradation.reason}, {@code nbf.degradation.from}, {@code nbf.degradation.to});
 * one that fails records the exception and ends with status {@code ERROR}.
 */
package io.nbf.trace;
