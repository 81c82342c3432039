package io.nbf.dispatch;

/**
 * How routed calls reach a bundle: the seam between the routing proxies above and what guards a call.
 * The plain {@link DirectDispatcher} enters the chosen entry and invokes it; the guard wraps the same
 * steps in degradation, circuit breaking, throttling and metrics.
 */
public interface Dispatcher {

    /**
     * @param route the route of one routing proxy
     * @return the call site through which that proxy's calls go
     */
    CallSite bind(RouteTarget route);
}
