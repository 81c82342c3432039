/**
 * The nbf API that callers and bundles compile against.
 *
 * <p>Callers inject an SPI with {@link io.nbf.api.DynamicInject} (or obtain one from a
 * {@link io.nbf.api.BundleBroker}) and never see a bundle: each call is routed to a live bundle
 * that implements the SPI. Bundles implement SPIs, may implement {@link io.nbf.api.BundleActivator}
 * and see only this package, {@code jakarta.inject}, the SPI packages and the packages the host
 * exports to them.
 *
 * <h2>What a caller can catch</h2>
 * <ul>
 *   <li>A call of a routed SPI raises what the bundle threw, unchanged (unless a degradation bundle takes
 *       the call), or one of nbf's {@link io.nbf.api.NbfException}s: {@link io.nbf.api.ServiceNotFoundException}
 *       when no live bundle serves the route, {@link io.nbf.api.CallRefusedException} when the guard's
 *       timeout, open circuit breaker or rate limit refused the call. Nothing else: no exception of
 *       MicroProfile Fault Tolerance or of the container reaches the caller unwrapped.</li>
 *   <li>{@link io.nbf.api.DynamicInvoker} and {@link io.nbf.api.BundleBroker} throw
 *       {@link java.lang.IllegalArgumentException} for an argument that cannot be right (blank bundle id,
 *       empty parameters, a type that is not an SPI interface or is not exported), as their methods state.</li>
 *   <li>The management API ({@link io.nbf.api.management.BundleManager}) throws
 *       {@link io.nbf.api.management.InvalidBundleException} and {@link io.nbf.api.BundleFailureException}
 *       (both {@code NbfException}s), and {@link java.lang.IllegalArgumentException},
 *       {@link java.lang.IllegalStateException} and {@link java.lang.NullPointerException} for calls that
 *       cannot be right, as its documentation states.</li>
 * </ul>
 * Every message carries an id ({@code NBF1234: ...}) and names the bundle, file, key, rule or route
 * at fault.
 */
package io.nbf.api;
