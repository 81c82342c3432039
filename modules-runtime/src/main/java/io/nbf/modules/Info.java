package io.nbf.modules;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleState;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable {@link BundleInfo}; holds strings only, never the bundle's classes. The collections are
 * unmodifiable copies that keep the order they were given in (attributes sorted by key, as the
 * descriptor has them).
 */
record Info(String id, String version, BundleState state, boolean live, Map<String, String> attributes,
        Optional<String> degradationBundle, Set<String> services, Path source, Optional<Throwable> failure)
        implements BundleInfo {

    Info {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        Objects.requireNonNull(degradationBundle, "degradationBundle");
        services = Collections.unmodifiableSet(new LinkedHashSet<>(services));
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(failure, "failure");
    }

    @Override
    public String toString() {
        return id + ":" + version + " " + state + (live ? " live" : "");
    }
}
