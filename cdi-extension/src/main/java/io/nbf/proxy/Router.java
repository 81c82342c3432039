package io.nbf.proxy;

import io.nbf.messages.NbfMessages;
import io.nbf.api.DynamicInvoker;
import io.nbf.dispatch.CallSite;
import io.nbf.dispatch.Dispatcher;
import io.nbf.dispatch.RouteTarget;
import io.nbf.modules.registry.ServiceRegistry;
import io.nbf.route.Route;
import io.nbf.route.RouteBinding;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes routing proxies and keeps their routes in step with the configuration. One proxy instance
 * per SPI and declared route, of one proxy class per SPI (generated, see {@link GeneratedProxy}); every
 * call is routed against the live registry. Thread-safe.
 */
public final class Router {

    /** The sites of per-call routes' proxies, weakly: refreshed with the others, so none keeps an uninstalled version's entry. */
    private final Set<CallSite> fixedSites = Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final ServiceRegistry registry;
    private final Dispatcher dispatcher;
    private final Map<BindingKey, Object> proxies = new ConcurrentHashMap<>();
    private final Map<Class<?>, DynamicInvoker<?>> invokers = new ConcurrentHashMap<>();
    private final List<Bound> bound = new ArrayList<>(); // guarded by this
    private Map<String, Route> overrides = Map.of(); // guarded by this

    private record BindingKey(Class<?> spi, Route route) {
    }

    /** A proxy's overridable route and the call site its calls go through. */
    private record Bound(RouteBinding binding, CallSite site) {
    }

    /**
     * @param registry the live services calls are routed against
     * @param dispatcher how a routed call reaches the bundle
     */
    public Router(ServiceRegistry registry, Dispatcher dispatcher) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /**
     * The routing proxy of an SPI on a declared route, which the configuration may override.
     *
     * @throws IllegalArgumentException if {@code spi} is not an interface
     */
    public <T> T proxy(Class<T> spi, Route declared) {
        requireInterface(spi);
        return spi.cast(proxies.computeIfAbsent(new BindingKey(spi, declared), k -> {
            RouteBinding binding = RouteBinding.overridable(registry, spi, declared);
            CallSite site = dispatcher.bind(binding);
            synchronized (this) {
                binding.override(overrides.get(spi.getName()));
                bound.add(new Bound(binding, site));
            }
            return newProxy(spi, site);
        }));
    }

    /**
     * A routing proxy on a route chosen per call (by {@link DynamicInvoker}); the configuration does not
     * override it. Not cached here: the invoker caches what it hands out.
     */
    <T> T fixedProxy(Class<T> spi, Route route) {
        CallSite site = dispatcher.bind(RouteBinding.fixed(registry, spi, route));
        synchronized (this) {
            fixedSites.add(site);
        }
        return newProxy(spi, site);
    }

    /** @return the invoker of an SPI, one per SPI */
    @SuppressWarnings("unchecked")
    public <T> DynamicInvoker<T> invoker(Class<T> spi) {
        requireInterface(spi);
        return (DynamicInvoker<T>) invokers.computeIfAbsent(spi, s -> new RoutingInvoker<>(this, spi));
    }

    /**
     * Replaces the configuration's route overrides, SPI name to route; every proxy follows from its next call.
     */
    public synchronized void override(Map<String, Route> byServiceName) {
        overrides = Map.copyOf(byServiceName);
        for (Bound b : bound) {
            b.binding.override(overrides.get(b.binding.spi().getName()));
        }
    }

    /** @return the overrides in force */
    public synchronized Map<String, Route> overrides() {
        return overrides;
    }

    /**
     * @return the call sites of the proxies made so far: the injected ones, and those of per-call routes that are
     *         still in use (an invoker's cache may drop them; they are held weakly here)
     */
    public synchronized List<CallSite> sites() {
        List<CallSite> sites = new ArrayList<>();
        bound.forEach(b -> sites.add(b.site()));
        sites.addAll(fixedSites);
        return sites;
    }

    /** @return the names of the SPIs that have a proxy */
    public synchronized Set<String> spiNames() {
        Set<String> names = new TreeSet<>();
        bound.forEach(b -> names.add(b.binding.spi().getName()));
        return Collections.unmodifiableSet(names);
    }

    /**
     * @return the route of the default route's proxy of an SPI (its configured override if any), for a dry run
     */
    public RouteTarget defaultRoute(Class<?> spi) {
        Object proxy = proxy(spi, Route.DEFAULT);
        return proxy instanceof GeneratedProxy ? ((GeneratedProxy) proxy).site().route()
                : ((RoutingHandler) Proxy.getInvocationHandler(proxy)).site().route();
    }

    /** A generated proxy (one class per SPI, no reflection per call), else a JDK dynamic proxy. */
    private <T> T newProxy(Class<T> spi, CallSite site) {
        Object generated = ProxyClasses.instantiate(spi, site);
        if (generated != null) {
            return spi.cast(generated);
        }
        ClassLoader loader = spi.getClassLoader() != null ? spi.getClassLoader() : Router.class.getClassLoader();
        return spi.cast(Proxy.newProxyInstance(loader, new Class<?>[] {spi}, new RoutingHandler(site)));
    }

    private static void requireInterface(Class<?> spi) {
        if (!Objects.requireNonNull(spi, "spi").isInterface()) {
            throw NbfMessages.MSG.notAnInterface(spi.getName());
        }
    }
}
