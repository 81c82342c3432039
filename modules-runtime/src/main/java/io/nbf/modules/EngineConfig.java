package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.modules.loader.HostExports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link BundleEngine} runs. Immutable; build with {@link #builder()}.
 */
public final class EngineConfig {

    /** Default for {@link Builder#hookTimeout}. */
    public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofSeconds(10);
    /** Default for {@link Builder#drainTimeout}. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** Default for {@link Builder#retainedVersions}. */
    public static final int DEFAULT_RETAINED_VERSIONS = 2;

    private final HostExports exports;
    private final Duration hookTimeout;
    private final Duration drainTimeout;
    private final int retainedVersions;
    private final Path workDirectory;
    private final Path stateDirectory;
    private final InstanceInjector injector;

    private EngineConfig(Builder b) {
        HostExports.Builder exports = HostExports.builder(b.hostClassLoader);
        exports.exportAll(b.exports);
        this.exports = exports.build();
        this.hookTimeout = b.hookTimeout;
        this.drainTimeout = b.drainTimeout;
        this.retainedVersions = b.retainedVersions;
        this.workDirectory = b.workDirectory;
        this.stateDirectory = b.stateDirectory;
        this.injector = b.injector;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the host packages bundles see, and the class loader they come from */
    public HostExports exports() {
        return exports;
    }

    /** @return how long a lifecycle hook may run before it is cut off */
    public Duration hookTimeout() {
        return hookTimeout;
    }

    /** @return how long a stop waits for in-flight calls before it stops the bundle anyway */
    public Duration drainTimeout() {
        return drainTimeout;
    }

    /** @return how many formerly live versions of a bundle id stay loaded for rollback */
    public int retainedVersions() {
        return retainedVersions;
    }

    /** @return where installed bundle files are copied to; empty for a fresh temporary directory */
    public Optional<Path> workDirectory() {
        return Optional.ofNullable(workDirectory);
    }

    /**
     * @return where the operator's decisions (live version, history, stopped and uninstalled versions, retained
     *         JARs) are kept across restarts; empty (the default) for no persistence
     */
    public Optional<Path> stateDirectory() {
        return Optional.ofNullable(stateDirectory);
    }

    /** @return what injects into bundle objects */
    public InstanceInjector injector() {
        return injector;
    }

    /** Builds an {@link EngineConfig}. Not thread-safe. */
    public static final class Builder {
        private ClassLoader hostClassLoader = defaultHostClassLoader();
        private final Set<String> exports = new LinkedHashSet<>();
        private Duration hookTimeout = DEFAULT_HOOK_TIMEOUT;
        private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
        private int retainedVersions = DEFAULT_RETAINED_VERSIONS;
        private Path workDirectory;
        private Path stateDirectory;
        private InstanceInjector injector = InstanceInjector.NONE;

        private Builder() {
        }

        private static ClassLoader defaultHostClassLoader() {
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            return tccl != null ? tccl : EngineConfig.class.getClassLoader();
        }

        /** Sets where exported host classes are loaded from; default the context class loader of the building thread. */
        public Builder hostClassLoader(ClassLoader loader) {
            this.hostClassLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Exports a host package to bundles ({@code com.acme.spi}) or a package tree ({@code org.slf4j.*}).
         * {@code io.nbf.api} is always exported; SPI packages must be exported for bundles to implement them.
         */
        public Builder export(String entry) {
            exports.add(Objects.requireNonNull(entry, "entry"));
            return this;
        }

        /** Exports each entry; see {@link #export(String)}. */
        public Builder exportAll(Collection<String> entries) {
            entries.forEach(this::export);
            return this;
        }

        /** Exports the package of each class; the usual way to export SPI packages. */
        public Builder exportPackagesOf(Class<?>... types) {
            for (Class<?> t : types) {
                export(t.getPackageName());
            }
            return this;
        }

        /**
         * Sets how long a lifecycle hook may run; default {@link #DEFAULT_HOOK_TIMEOUT}.
         *
         * @throws IllegalArgumentException (NBF1571) if the timeout is {@code null}, zero or negative
         */
        public Builder hookTimeout(Duration timeout) {
            this.hookTimeout = positive(timeout, "hookTimeout");
            return this;
        }

        /**
         * Sets how long a stop waits for in-flight calls; default {@link #DEFAULT_DRAIN_TIMEOUT}.
         *
         * @throws IllegalArgumentException (NBF1571) if the timeout is {@code null}, zero or negative
         */
        public Builder drainTimeout(Duration timeout) {
            this.drainTimeout = positive(timeout, "drainTimeout");
            return this;
        }

        /**
         * Sets how many formerly live versions per bundle id stay loaded; default {@link #DEFAULT_RETAINED_VERSIONS}.
         *
         * @throws IllegalArgumentException (NBF1570) if the count is negative
         */
        public Builder retainedVersions(int count) {
            if (count < 0) {
                throw MSG.retainedVersionsNegative(count);
            }
            this.retainedVersions = count;
            return this;
        }

        /** Sets where installed bundle files are copied to; default a new temporary directory, deleted on close. */
        public Builder workDirectory(Path directory) {
            this.workDirectory = directory;
            return this;
        }

        /**
         * Sets where the deployment state is kept (see docs/deployment-state.md); default none: nothing
         * survives a restart and the directory's highest versions go live. {@code null} for none.
         */
        public Builder stateDirectory(Path directory) {
            this.stateDirectory = directory;
            return this;
        }

        /** Sets what injects into bundle objects; default {@link InstanceInjector#NONE}. */
        public Builder injector(InstanceInjector injector) {
            this.injector = Objects.requireNonNull(injector, "injector");
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException if an export entry is not a package name (NBF1572) or is a JDK
         *         package (NBF1573)
         */
        public EngineConfig build() {
            return new EngineConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw MSG.durationNotPositive(name, d);
            }
            return d;
        }
    }
}
