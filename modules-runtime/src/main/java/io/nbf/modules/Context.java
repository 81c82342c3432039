package io.nbf.modules;

import io.nbf.api.BundleContext;
import io.nbf.modules.descriptor.BundleDescriptor;
import java.util.Map;
import java.util.Optional;

/** The {@link BundleContext} handed to a bundle's hooks and to the host's injector. */
final class Context implements BundleContext {

    private final BundleDescriptor descriptor;

    Context(BundleDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public String bundleId() {
        return descriptor.id();
    }

    @Override
    public String version() {
        return descriptor.version().toString();
    }

    @Override
    public Map<String, String> attributes() {
        return descriptor.attributes();
    }

    @Override
    public Optional<String> degradationBundle() {
        return descriptor.degradationBundle();
    }

    @Override
    public String toString() {
        return descriptor.name();
    }
}
