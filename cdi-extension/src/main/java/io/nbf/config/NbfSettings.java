package io.nbf.config;

import io.nbf.modules.EngineConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** The settings nbf reads once, when it starts. Immutable. */
public final class NbfSettings {

    private final Path bundlesDirectory;
    private final Duration scanInterval;
    private final List<String> exports;
    private final Duration hookTimeout;
    private final Duration drainTimeout;
    private final int retainedVersions;
    private final Path workDirectory;
    private final Path stateDirectory;
    private final Duration refreshInterval;

    private NbfSettings(Path bundlesDirectory, Duration scanInterval, List<String> exports, Duration hookTimeout,
            Duration drainTimeout, int retainedVersions, Path workDirectory, Path stateDirectory, Duration refreshInterval) {
        this.bundlesDirectory = bundlesDirectory;
        this.scanInterval = scanInterval;
        this.exports = List.copyOf(exports);
        this.hookTimeout = hookTimeout;
        this.drainTimeout = drainTimeout;
        this.retainedVersions = retainedVersions;
        this.workDirectory = workDirectory;
        this.stateDirectory = stateDirectory;
        this.refreshInterval = refreshInterval;
    }

    /**
     * Reads the static keys.
     *
     * @throws IllegalArgumentException naming the key, if a value is invalid
     */
    public static NbfSettings read(Config config) {
        Path dir = Path.of(config.getOptionalValue(ConfigKeys.BUNDLES_DIR, String.class).orElse(ConfigKeys.DEFAULT_BUNDLES_DIR));
        Duration scan = duration(config, ConfigKeys.SCAN_INTERVAL, Duration.ofSeconds(2));
        List<String> exports = new ArrayList<>();
        config.getOptionalValue(ConfigKeys.EXPORTS, String.class).ifPresent(v -> {
            for (String e : v.split(",")) {
                if (!e.isBlank()) {
                    exports.add(e.trim());
                }
            }
        });
        try {
            EngineConfig.builder().exportAll(exports).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigKeys.EXPORTS + ": " + e.getMessage());
        }
        Duration hook = positive(ConfigKeys.HOOK_TIMEOUT, duration(config, ConfigKeys.HOOK_TIMEOUT, EngineConfig.DEFAULT_HOOK_TIMEOUT));
        Duration drain = positive(ConfigKeys.DRAIN_TIMEOUT, duration(config, ConfigKeys.DRAIN_TIMEOUT, EngineConfig.DEFAULT_DRAIN_TIMEOUT));
        int retained = config.getOptionalValue(ConfigKeys.RETAINED_VERSIONS, String.class).map(v -> {
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // message below
            }
            throw new IllegalArgumentException(ConfigKeys.RETAINED_VERSIONS + ": '" + v + "' is not a count (0 or more)");
        }).orElse(EngineConfig.DEFAULT_RETAINED_VERSIONS);
        Path work = config.getOptionalValue(ConfigKeys.WORK_DIR, String.class).map(Path::of).orElse(null);
        Path state = config.getOptionalValue(ConfigKeys.STATE_DIR, String.class).map(Path::of).orElse(null);
        Duration refresh = duration(config, ConfigKeys.REFRESH_INTERVAL, Duration.ofSeconds(5));
        return new NbfSettings(dir, scan, exports, hook, drain, retained, work, state, refresh);
    }

    private static Duration duration(Config config, String key, Duration defaultValue) {
        return config.getOptionalValue(key, String.class).map(v -> Durations.parse(key, v)).orElse(defaultValue);
    }

    private static Duration positive(String key, Duration d) {
        if (d.isZero()) {
            throw new IllegalArgumentException(key + ": must be more than zero");
        }
        return d;
    }

    /** @return the hot deploy directory */
    public Path bundlesDirectory() {
        return bundlesDirectory;
    }

    /** @return the scan interval; zero to scan once at start */
    public Duration scanInterval() {
        return scanInterval;
    }

    /** @return the extra exported host packages */
    public List<String> exports() {
        return exports;
    }

    public Duration hookTimeout() {
        return hookTimeout;
    }

    public Duration drainTimeout() {
        return drainTimeout;
    }

    public int retainedVersions() {
        return retainedVersions;
    }

    public Optional<Path> workDirectory() {
        return Optional.ofNullable(workDirectory);
    }

    /** @return {@code nbf.state-dir}: where the deployment state survives restarts; empty for none (the default) */
    public Optional<Path> stateDirectory() {
        return Optional.ofNullable(stateDirectory);
    }

    /** @return how often the dynamic keys are re-read; zero for only on demand */
    public Duration refreshInterval() {
        return refreshInterval;
    }
}
