package io.nbf.routing;

import io.nbf.api.ServiceNotFoundException;
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
public final class RouteBinding {

    private final ServiceRegistry registry;
    private final Class<?> spi;
    private final Route declared;
    private final boolean overridable;
    private volatile Route effective;
    private volatile Resolution cache = Resolution.NONE;
    private volatile Object attachment;

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

    RouteBinding(ServiceRegistry registry, Class<?> spi, Route declared, boolean overridable) {
        this.registry = registry;
        this.spi = spi;
        this.declared = declared;
        this.overridable = overridable;
        this.effective = declared;
    }

    /** @return the SPI type */
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
    boolean overridable() {
        return overridable;
    }

    void override(Route override) {
        effective = override != null ? override : declared;
    }

    /**
     * The live entry the route selects now, without entering it.
     *
     * @return the entry, or {@code null} if no live bundle matches
     */
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

    /**
     * Resolves the route and enters the entry, looking again if it was retired in between (a version
     * switch), so a call always lands on a version that was live when it started.
     *
     * @return the entered entry (the caller must {@link ServiceEntry#exit()} it), or {@code null} if no
     *         live bundle matches
     */
    public ServiceEntry enter() {
        while (true) {
            ServiceEntry e = resolve();
            if (e == null || e.tryEnter()) {
                return e;
            }
        }
    }

    /** @return the exception a call raises when {@link #enter()} finds nothing, naming the SPI, the route and what is live */
    public ServiceNotFoundException notFound() {
        Route route = effective;
        SpiServices live = registry.snapshot().services(spi);
        List<String> ids = live.all().stream().limit(20).map(ServiceEntry::bundleId).collect(Collectors.toList());
        String liveText = ids.isEmpty() ? "no bundle implements it now"
                : "live bundles implementing it: " + ids + (live.size() > ids.size() ? " and " + (live.size() - ids.size()) + " more" : "");
        return new ServiceNotFoundException(spi.getName(), route.toString(),
                "no live bundle serves " + spi.getName() + " on route " + route
                        + (route != declared ? " (configured; declared " + declared + ")" : "") + "; " + liveText);
    }

    /** @return what the dispatcher cached on this binding, or {@code null} */
    public Object attachment() {
        return attachment;
    }

    /** Lets the dispatcher cache what it derived from this binding's resolution. */
    public void attach(Object value) {
        attachment = value;
    }

    @Override
    public String toString() {
        return spi.getName() + " on route " + effective;
    }
}
