package io.nbf.dispatch;

import io.nbf.modules.registry.ServiceEntry;
import java.lang.reflect.Method;

/**
 * One routing proxy's way to its bundles, made by a {@link Dispatcher} for the proxy's route: the
 * proxy hands every call to it. A call site keeps what its dispatcher derives from the route (the
 * resolved entry, the guard that applies) in typed state of its own. Thread-safe.
 */
public interface CallSite {

    /** @return the route the calls are routed against */
    RouteTarget route();

    /**
     * Performs one call of an SPI method.
     *
     * @param method the SPI method called
     * @param args its arguments, {@code null} for none
     * @return what the bundle returned
     * @throws Throwable what the bundle threw, unwrapped, or {@link io.nbf.api.ServiceNotFoundException}
     */
    Object dispatch(Method method, Object[] args) throws Throwable;

    /**
     * The plain path: if a call needs nothing but routing (no guard, no metrics), resolves and enters
     * the entry for the caller to invoke directly.
     *
     * @return the entered entry (the caller must {@link ServiceEntry#exit()} it), or {@code null}: then the
     *         caller goes through {@link #dispatch}
     */
    ServiceEntry enterPlain();

    /**
     * Derives now what the next call would derive from the route (a guard takes milliseconds to build),
     * so that the first call after a configuration change or a version switch does not pay for it.
     */
    default void prepare() {
    }
}
