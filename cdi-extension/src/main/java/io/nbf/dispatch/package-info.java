/**
 * The bottom of the call path: the seam through which a routing proxy's calls reach a bundle
 * ({@link io.nbf.dispatch.Dispatcher}, {@link io.nbf.dispatch.CallSite}), what a call is routed against
 * ({@link io.nbf.dispatch.RouteTarget}), entering a live entry ({@link io.nbf.dispatch.Entering}) and the
 * bundle invocation itself ({@link io.nbf.dispatch.BundleCall}). Depends on the bundle registry only.
 */
package io.nbf.dispatch;
