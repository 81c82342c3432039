package io.nbf.route;

import io.nbf.messages.NbfMessages;
import io.nbf.api.ServiceNotFoundException;
import io.nbf.dispatch.RouteTarget;
import io.nbf.modules.registry.RegistrySnapshot;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.registry.ServiceRegistry;
import io.nbf.modules.registry.SpiServices;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The route of one routing proxy: an SPI, the route it declares, and the route in force (the declared
 * one, or the configuration's override). Resolves a call against the live registry, caching the
 * chosen entry until the registry or the route changes, so a call on an unchanged registry costs two
 * volatile reads and a compare. Thread-safe.
 */
public final class RouteBinding implements RouteTarget {

    private final ServiceRegistry registry;
    private final Class<?> spi;
    private final Route declared;
    private final boolean overridable;
    private volatile Route effective;
    private volatile Resolution cache = Resolution.NONE;

    /** A route resolved against one registry snapshot. */
    private static final class Resolution {
        static final Resolution NONE = new Resolution(null, null, null);
        final RegistrySnapshot snapshot;
        final Route route;
        final ServiceEntry entry;

        Resolution(RegistrySnapshot snapshot, Route route, ServiceEntry entry) {
            this.snapshot = snapshot;
            this.route = route;
            this.entry = entry;
        }
    }

    private RouteBinding(ServiceRegistry registry, Class<?> spi, Route declared, boolean overridable) {
        this.registry = registry;
        this.spi = spi;
        this.declared = declared;
        this.overridable = overridable;
        this.effective = declared;
    }

    /** @return the binding of an injection point's route, which the configuration may override */
    public static RouteBinding overridable(ServiceRegistry registry, Class<?> spi, Route declared) {
        return new RouteBinding(registry, spi, declared, true);
    }

    /** @return the binding of a route the configuration does not override (chosen per call, or a degradation target) */
    public static RouteBinding fixed(ServiceRegistry registry, Class<?> spi, Route route) {
        return new RouteBinding(registry, spi, route, false);
    }

    @Override
    public Class<?> spi() {
        return spi;
    }

    /** @return the route the injection point or call declared */
    public Route declared() {
        return declared;
    }

    /** @return the route in force: the configuration's override, else the declared route */
    public Route route() {
        return effective;
    }

    /** @return whether configuration may override the route (not for per-call dynamic routes) */
    public boolean overridable() {
        return overridable;
    }

    /**
     * Puts the configuration's route in force from the next call on.
     *
     * @param override the configured route, or {@code null} to go back to the declared one
     * @throws IllegalStateException if this binding is {@link #fixed}
     */
    public void override(Route override) {
        if (!overridable) {
            throw new IllegalStateException(this + " is fixed; the configuration does not override it");
        }
        effective = override != null ? override : declared;
    }

    @Override
    public ServiceEntry resolve() {
        RegistrySnapshot snapshot = registry.snapshot();
        Route route = effective;
        Resolution c = cache;
        if (c.snapshot == snapshot && c.route == route) {
            return c.entry;
        }
        ServiceEntry entry = route.select(snapshot.services(spi));
        cache = new Resolution(snapshot, route, entry);
        return entry;
    }

    @Override
    public String routeText() {
        return effective.toString();
    }

    @Override
    public ServiceNotFoundException notFound() {
        Route route = effective;
        SpiServices live = registry.snapshot().services(spi);
        List<String> ids = live.all().stream().limit(20).map(ServiceEntry::bundleId).collect(Collectors.toList());
        String liveText = ids.isEmpty() ? "no bundle implements it now"
                : "live bundles implementing it: " + ids + (live.size() > ids.size() ? " and " + (live.size() - ids.size()) + " more" : "");
        return new ServiceNotFoundException(spi.getName(), route.toString(), NbfMessages.MSG.serviceNotFound(spi.getName(), route,
                route != declared ? " (configured; declared " + declared + ")" : "", liveText));
    }

    @Override
    public String toString() {
        return spi.getName() + " on route " + effective;
    }
}
