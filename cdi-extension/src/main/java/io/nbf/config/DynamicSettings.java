package io.nbf.config;

import io.nbf.api.RouteType;
import io.nbf.route.Route;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The settings nbf re-reads at runtime: route overrides per SPI, guard settings per SPI and per bundle,
 * and whether calls are measured. Read as a whole and validated as a whole, so a change is applied
 * entirely or not at all. Immutable.
 *
 * <pre>
 * nbf.routes."com.acme.ConfigReadService".pattern=^drf-hz.*$
 * nbf.routes."com.acme.ConfigReadService".type=REG        # ID (default), REG or RULE
 * nbf.guard."com.acme.ConfigReadService".timeout=200ms    # guard keys of an SPI (see GuardSettings)
 * nbf.bundle."hema-fresh".baseline=100ms                 # guard keys of a bundle, over its SPI's
 * nbf.metrics.enabled=true                               # and the keys of ObservationSettings
 * </pre>
 */
public final class DynamicSettings {

    /** No overrides, no guard, observation on. */
    public static final DynamicSettings NONE = new DynamicSettings(Map.of(), Map.of(), Map.of(), ObservationSettings.DEFAULTS);

    static final String GUARD = "nbf.guard";
    static final String BUNDLE = "nbf.bundle";

    private final Map<String, Route> routes;
    private final Map<String, GuardSettings> guardsBySpi;
    private final Map<String, GuardSettings> guardsByBundle;
    private final ObservationSettings observation;

    private DynamicSettings(Map<String, Route> routes, Map<String, GuardSettings> guardsBySpi,
            Map<String, GuardSettings> guardsByBundle, ObservationSettings observation) {
        this.routes = Map.copyOf(routes);
        this.guardsBySpi = Map.copyOf(guardsBySpi);
        this.guardsByBundle = Map.copyOf(guardsByBundle);
        this.observation = observation;
    }

    /**
     * Reads the dynamic keys of the given SPIs.
     *
     * @param spiNames the SPIs whose keys to read
     * @throws IllegalArgumentException naming the key and the problem, for the first invalid value
     */
    public static DynamicSettings read(Config config, Collection<String> spiNames) {
        return read(config, spiNames, java.util.List.of(), true);
    }

    /**
     * Reads the dynamic keys of the given SPIs and bundles.
     *
     * @param spiNames the SPIs whose keys to read
     * @param bundleIds the bundles whose keys to read
     * @param faultToleranceAvailable whether SmallRye Fault Tolerance is on the class path; if not, a
     *        breaker, timeout or rate limit is rejected
     * @throws IllegalArgumentException naming the key and the problem, for the first invalid value; naming
     *         every key under {@code nbf.} that is not one of nbf's keys, and the nearest that is (see {@link KnownKeys})
     */
    public static DynamicSettings read(Config config, Collection<String> spiNames, Collection<String> bundleIds,
            boolean faultToleranceAvailable) {
        KnownKeys.check(config);
        Map<String, Route> routes = new TreeMap<>();
        Map<String, GuardSettings> bySpi = new TreeMap<>();
        Map<String, GuardSettings> byBundle = new TreeMap<>();
        for (String spi : spiNames) {
            readRoute(config, spi).ifPresent(r -> routes.put(spi, r));
            guard(config, GUARD, spi, faultToleranceAvailable).ifPresent(g -> bySpi.put(spi, g));
        }
        for (String bundle : bundleIds) {
            guard(config, BUNDLE, bundle, faultToleranceAvailable).ifPresent(g -> byBundle.put(bundle, g));
        }
        return new DynamicSettings(routes, bySpi, byBundle, ObservationSettings.read(config));
    }

    private static Optional<GuardSettings> guard(Config config, String prefix, String name, boolean faultToleranceAvailable) {
        GuardSettings g = GuardSettings.read(config, prefix, name);
        if (g.isEmpty()) {
            return Optional.empty();
        }
        if (!faultToleranceAvailable && g.needsFaultTolerance()) {
            throw new IllegalArgumentException(ConfigKeys.key(prefix, name, "*") + ": a circuit breaker, baseline, timeout or"
                    + " rate limit needs SmallRye Fault Tolerance's programmatic API, which the application does not see"
                    + " (add io.smallrye:smallrye-fault-tolerance; on WildFly, the module dependencies"
                    + " io.smallrye.fault-tolerance services and org.eclipse.microprofile.fault-tolerance.api)");
        }
        return Optional.of(g);
    }

    private static Optional<Route> readRoute(Config config, String spi) {
        Optional<ConfigKeys.Keyed> pattern = ConfigKeys.read(config, ConfigKeys.ROUTES, spi, ConfigKeys.ROUTE_PATTERN);
        Optional<ConfigKeys.Keyed> type = ConfigKeys.read(config, ConfigKeys.ROUTES, spi, ConfigKeys.ROUTE_TYPE);
        if (pattern.isEmpty()) {
            if (type.isPresent()) {
                throw new IllegalArgumentException(type.get().key + " is set but " + ConfigKeys.key(ConfigKeys.ROUTES, spi, ConfigKeys.ROUTE_PATTERN)
                        + " is not; set the pattern too, or remove the type");
            }
            return Optional.empty();
        }
        RouteType routeType = RouteType.ID;
        if (type.isPresent()) {
            try {
                routeType = RouteType.valueOf(type.get().value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(type.get().key + ": '" + type.get().value + "' is not a route type; use ID, REG or RULE");
            }
        }
        try {
            return Optional.of(Route.of(routeType, pattern.get().value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(pattern.get().key + ": " + e.getMessage());
        }
    }

    /** @return SPI name to the route that overrides its injection points */
    public Map<String, Route> routes() {
        return routes;
    }

    /** @return SPI name to its guard settings (only SPIs with some set) */
    public Map<String, GuardSettings> guardsBySpi() {
        return guardsBySpi;
    }

    /** @return bundle id to its guard settings (only bundles with some set) */
    public Map<String, GuardSettings> guardsByBundle() {
        return guardsByBundle;
    }

    /** @return what observes calls and bundles */
    public ObservationSettings observation() {
        return observation;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DynamicSettings)) {
            return false;
        }
        DynamicSettings d = (DynamicSettings) o;
        return routes.equals(d.routes) && guardsBySpi.equals(d.guardsBySpi) && guardsByBundle.equals(d.guardsByBundle)
                && observation.equals(d.observation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(routes, guardsBySpi, guardsByBundle, observation);
    }

    @Override
    public String toString() {
        return "routes " + routes + ", guards " + guardsBySpi + ", bundle guards " + guardsByBundle + ", " + observation;
    }
}
