package io.nbf.modules;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleState;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An immutable {@link BundleInfo}; holds strings only, never the bundle's classes. */
final class Info implements BundleInfo {

    private final String id;
    private final String version;
    private final BundleState state;
    private final boolean live;
    private final Map<String, String> attributes;
    private final String degradationBundle;
    private final Set<String> services;
    private final Path source;
    private final Throwable failure;

    Info(String id, String version, BundleState state, boolean live, Map<String, String> attributes,
            String degradationBundle, Set<String> services, Path source, Throwable failure) {
        this.id = id;
        this.version = version;
        this.state = state;
        this.live = live;
        this.attributes = attributes;
        this.degradationBundle = degradationBundle;
        this.services = services;
        this.source = source;
        this.failure = failure;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public BundleState state() {
        return state;
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public Optional<String> degradationBundle() {
        return Optional.ofNullable(degradationBundle);
    }

    @Override
    public Set<String> services() {
        return services;
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return id + ":" + version + " " + state + (live ? " live" : "");
    }
}
