package io.nbf.tck.bundles;

import io.nbf.api.BundleActivator;
import io.nbf.api.BundleContext;
import io.nbf.tck.spi.Signals;

/** Remembers the bundle's identity and reports its hooks. */
public class TckActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Identity.id = context.bundleId();
        Identity.version = context.version();
        Signals.record("start " + context.bundleId() + " " + context.version());
    }

    @Override
    public void stop(BundleContext context) {
        Signals.record("stop " + context.bundleId() + " " + context.version());
    }

    @Override
    public void refresh(BundleContext context) {
        Signals.record("refresh " + context.bundleId() + " " + context.version());
    }
}
