package io.nbf.routing;

import io.nbf.modules.registry.ServiceEntry;
import java.lang.reflect.Method;

/**
 * How a routed call reaches a bundle: the seam between routing and what guards a call. The plain
 * {@link DirectDispatcher} enters the chosen entry and invokes it; the guard wraps the same steps in
 * degradation, circuit breaking, throttling and metrics.
 */
public interface Dispatcher {

    /**
     * Performs one call of an SPI method on the route of {@code binding}.
     *
     * @param binding the proxy's route
     * @param method the SPI method called
     * @param args its arguments, {@code null} for none
     * @return what the bundle returned
     * @throws Throwable what the bundle threw, unwrapped, or {@link io.nbf.api.ServiceNotFoundException}
     */
    Object dispatch(RouteBinding binding, Method method, Object[] args) throws Throwable;

    /**
     * The plain path: if a call on this route needs nothing but routing (no guard, no metrics), resolves
     * and enters the entry for the caller to invoke directly.
     *
     * @return the entered entry (the caller must {@link ServiceEntry#exit()} it), or {@code null}: then the
     *         caller goes through {@link #dispatch}
     */
    default ServiceEntry enterPlain(RouteBinding binding) {
        return null;
    }
}
