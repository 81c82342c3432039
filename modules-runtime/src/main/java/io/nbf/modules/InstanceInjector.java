package io.nbf.modules;

import io.nbf.api.BundleContext;

/**
 * Lets the host inject into the objects a bundle's start creates (its service implementations and its
 * activator), e.g. CDI non-contextual injection of {@code @Inject} members. Called on the hook thread,
 * with the bundle's class loader as the context class loader, before the object is started or served.
 */
@FunctionalInterface
public interface InstanceInjector {

    /** Injects nothing. */
    InstanceInjector NONE = (instance, context) -> () -> { };

    /**
     * Injects into a new bundle object.
     *
     * @param instance the object, of a class of the bundle
     * @param context the bundle's identity
     * @return what releases what was injected, run when the bundle stops; never {@code null}
     * @throws Exception to fail the bundle's start; the message should name the member at fault
     */
    Runnable inject(Object instance, BundleContext context) throws Exception;
}
