package io.nbf.modules;

import io.nbf.api.BundleContext;
import io.nbf.modules.descriptor.BundleDescriptor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The {@link BundleContext} handed to a bundle's hooks and to the host's injector. Immutable. */
record Context(String bundleId, String version, Map<String, String> attributes, Optional<String> degradationBundle)
        implements BundleContext {

    Context {
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(version, "version");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        Objects.requireNonNull(degradationBundle, "degradationBundle");
    }

    /** @return the context of a bundle version, as its descriptor declares it */
    static Context of(BundleDescriptor descriptor) {
        return new Context(descriptor.id(), descriptor.version().toString(), descriptor.attributes(),
                descriptor.degradationBundle());
    }

    /** @return {@code id:version}, as messages name a bundle version */
    @Override
    public String toString() {
        return bundleId + ":" + version;
    }
}
