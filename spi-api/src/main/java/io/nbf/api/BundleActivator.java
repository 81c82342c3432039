package io.nbf.api;

/**
 * The lifecycle hook a bundle may implement; name the class in the bundle descriptor
 * ({@code activator=...} in {@code META-INF/nbf-bundle.properties}). It needs a public no-argument
 * constructor.
 *
 * <p>Every hook runs on a container thread whose context class loader is the bundle's, and is cut off
 * after the container's hook timeout. A hook that throws, or does not return in time, leaves its
 * bundle {@code FAILED} with the cause kept; no other bundle is affected.
 */
public interface BundleActivator {

    /**
     * Called once the bundle's service objects exist, before any of them is served. Throwing keeps
     * the bundle from serving.
     *
     * @param context the bundle's identity
     * @throws Exception to fail the start
     */
    default void start(BundleContext context) throws Exception {
    }

    /**
     * Called after the bundle stopped serving and its in-flight calls ended; release what
     * {@link #start} acquired here (threads, timers, connections), or the bundle's class loader
     * cannot be collected.
     *
     * @param context the bundle's identity
     * @throws Exception reported; the bundle stops anyway
     */
    default void stop(BundleContext context) throws Exception {
    }

    /**
     * The "hot start" hook: re-create state that must not survive a pause, such as a machine-specific
     * UUID. Called when a version that served before becomes live again (a rollback, or a switch back
     * to a retained version) and on an explicit refresh through the management API. Throwing keeps the
     * previous live version serving.
     *
     * @param context the bundle's identity
     * @throws Exception to refuse going live
     */
    default void refresh(BundleContext context) throws Exception {
    }
}
