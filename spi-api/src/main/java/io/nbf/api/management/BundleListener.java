package io.nbf.api.management;

/**
 * Receives {@link BundleEvent}s. Called on the thread that made the change, after the change and
 * outside the container's locks, so a listener may call the {@link BundleManager}. An exception a
 * listener throws is logged and does not undo the change.
 */
@FunctionalInterface
public interface BundleListener {

    /** @param event what happened, never {@code null} */
    void bundleChanged(BundleEvent event);
}
