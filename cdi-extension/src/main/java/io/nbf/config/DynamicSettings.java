package io.nbf.config;

import io.nbf.api.RouteType;
import io.nbf.routing.Route;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The settings nbf re-reads at runtime: the route overrides, per SPI. Read as a whole and validated
 * as a whole, so a change is applied entirely or not at all. Immutable.
 *
 * <pre>
 * nbf.routes."com.acme.ConfigReadService".pattern=^drf-hz.*$
 * nbf.routes."com.acme.ConfigReadService".type=REG        # ID (default), REG or RULE
 * </pre>
 */
public final class DynamicSettings {

    /** No overrides. */
    public static final DynamicSettings NONE = new DynamicSettings(Map.of());

    private final Map<String, Route> routes;

    private DynamicSettings(Map<String, Route> routes) {
        this.routes = Map.copyOf(routes);
    }

    /**
     * Reads the dynamic keys of the given SPIs.
     *
     * @param spiNames the SPIs whose keys to read
     * @throws IllegalArgumentException naming the key and the problem, for the first invalid value
     */
    public static DynamicSettings read(Config config, Collection<String> spiNames) {
        Map<String, Route> routes = new TreeMap<>();
        for (String spi : spiNames) {
            readRoute(config, spi).ifPresent(r -> routes.put(spi, r));
        }
        return new DynamicSettings(routes);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof DynamicSettings && routes.equals(((DynamicSettings) o).routes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(routes);
    }

    @Override
    public String toString() {
        return "routes " + routes;
    }
}
