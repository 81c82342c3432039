/**
 * Routing: the route of an SPI call ({@link io.nbf.route.Route}), the routing proxies that resolve
 * it against the live registry on every call, and the seam ({@link io.nbf.dispatch.Dispatcher}) through
 * which a call reaches the chosen bundle. Free of CDI.
 */
package io.nbf.routing;
