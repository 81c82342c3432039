package io.nbf.api.management;

import java.util.Map;
import java.util.Optional;

/**
 * The routes nbf reads from MicroProfile Config. nbf re-reads its keys periodically (the
 * {@code nbf.config.refresh-interval}); {@link #refresh()} does it now. Inject it in a CDI host.
 */
public interface RouteManager {

    /**
     * Re-reads nbf's MicroProfile Config keys and applies them from the next call on.
     *
     * @throws IllegalArgumentException naming the key and the problem, if a value is invalid; then
     *         nothing changes and the last good settings keep serving
     */
    void refresh();

    /**
     * @return the route configuration overrides in force, SPI name to route as text (e.g.
     *         {@code com.acme.ConfigReadService -> REG ^drf-hz.*$}); unmodifiable
     */
    Map<String, String> overrides();

    /**
     * A dry run: where a call of the SPI on its default route (or its configured override) would go now.
     *
     * @param spi the SPI interface
     * @return the id of the bundle that would serve the call, or empty if none would
     */
    Optional<String> explain(Class<?> spi);
}
