package io.nbf.dispatch;

import io.nbf.api.ServiceNotFoundException;
import io.nbf.modules.registry.ServiceEntry;

/**
 * What a call is routed against: the live entry a route selects now. Implemented by
 * {@link io.nbf.route.RouteBinding}; a dispatcher sees only this. Thread-safe.
 */
public interface RouteTarget extends EntrySource {

    /** @return the SPI type whose calls are routed */
    Class<?> spi();

    /**
     * The live entry the route selects now, without entering it.
     *
     * @return the entry, or {@code null} if no live bundle serves the route
     */
    @Override
    ServiceEntry resolve();

    /** @return the route in force, as text: {@code DEFAULT}, {@code ID hema-fresh}, {@code REG ^drf-.*$}, ... */
    String routeText();

    /** @return the exception a call raises when {@link #resolve()} finds nothing, naming the SPI, the route and what is live */
    ServiceNotFoundException notFound();
}
