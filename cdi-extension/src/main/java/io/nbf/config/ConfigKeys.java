package io.nbf.config;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * nbf's MicroProfile Config keys. Per-SPI and per-bundle keys put the name in quotes,
 * {@code nbf.routes."com.acme.ConfigReadService".pattern}; the unquoted form
 * {@code nbf.routes.com.acme.ConfigReadService.pattern} is read too, the quoted one winning.
 */
public final class ConfigKeys {

    /** Where hot deploy watches for bundle JARs; default {@value #DEFAULT_BUNDLES_DIR}, relative to the working directory. */
    public static final String BUNDLES_DIR = "nbf.bundles.dir";
    public static final String DEFAULT_BUNDLES_DIR = "bundles";
    /** How often the bundle directory is scanned; {@code 0} scans it once at start. Default 2s. */
    public static final String SCAN_INTERVAL = "nbf.bundles.scan-interval";
    /** Host packages exported to bundles beyond io.nbf.api, jakarta.inject and the injected SPIs' packages: {@code pkg} or {@code pkg.*}, comma-separated. */
    public static final String EXPORTS = "nbf.exports";
    /** How long a bundle hook may run. Default 10s. */
    public static final String HOOK_TIMEOUT = "nbf.hook-timeout";
    /** How long a stopping bundle waits for its in-flight calls. Default 30s. */
    public static final String DRAIN_TIMEOUT = "nbf.drain-timeout";
    /** How many formerly live versions per bundle stay loaded for rollback. Default 2. */
    public static final String RETAINED_VERSIONS = "nbf.retained-versions";
    /** Where installed bundle files are copied; default a temporary directory. */
    public static final String WORK_DIR = "nbf.work-dir";
    /**
     * Where the operator's decisions (live version after a switch or rollback, stopped and uninstalled versions,
     * retained JARs) are kept across restarts; default none: nothing is kept (see docs/deployment-state.md).
     */
    public static final String STATE_DIR = "nbf.state-dir";
    /** How often nbf re-reads its dynamic keys; {@code 0} only on {@code RouteManager.refresh()}. Default 5s. */
    public static final String REFRESH_INTERVAL = "nbf.config.refresh-interval";

    /** {@code nbf.routes."<spi>".pattern}: the route pattern that overrides every injection point of the SPI. */
    public static final String ROUTE_PATTERN = "pattern";
    /** {@code nbf.routes."<spi>".type}: ID (default), REG or RULE. */
    public static final String ROUTE_TYPE = "type";
    static final String ROUTES = "nbf.routes";

    private ConfigKeys() {
    }

    /** @return the canonical key {@code <prefix>."<name>".<property>} */
    public static String key(String prefix, String name, String property) {
        return prefix + ".\"" + name + "\"." + property;
    }

    /** Reads {@code <prefix>."<name>".<property>}, else {@code <prefix>.<name>.<property>}. */
    public static Optional<Keyed> read(Config config, String prefix, String name, String property) {
        String quoted = key(prefix, name, property);
        Optional<String> v = config.getOptionalValue(quoted, String.class);
        if (v.isPresent()) {
            return Optional.of(new Keyed(quoted, v.get()));
        }
        String plain = prefix + "." + name + "." + property;
        return config.getOptionalValue(plain, String.class).map(s -> new Keyed(plain, s));
    }

    /** A value and the key it was read from, for messages. */
    public static final class Keyed {
        /** The key as found. */
        public final String key;
        /** Its value. */
        public final String value;

        Keyed(String key, String value) {
            this.key = key;
            this.value = value;
        }
    }
}
