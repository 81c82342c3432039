package io.nbf.routing;

import io.nbf.api.DynamicInvoker;
import io.nbf.modules.registry.ServiceRegistry;
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

    private final ServiceRegistry registry;
    private final Dispatcher dispatcher;
    private final Map<BindingKey, Object> proxies = new ConcurrentHashMap<>();
    private final Map<Class<?>, DynamicInvoker<?>> invokers = new ConcurrentHashMap<>();
    private final List<RouteBinding> bindings = new ArrayList<>(); // guarded by this
    private Map<String, Route> overrides = Map.of(); // guarded by this

    private static final class BindingKey {
        final Class<?> spi;
        final Route route;

        BindingKey(Class<?> spi, Route route) {
            this.spi = spi;
            this.route = route;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BindingKey && spi == ((BindingKey) o).spi && route.equals(((BindingKey) o).route);
        }

        @Override
        public int hashCode() {
            return spi.hashCode() * 31 + route.hashCode();
        }
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
            RouteBinding binding = new RouteBinding(registry, spi, declared, true);
            synchronized (this) {
                binding.override(overrides.get(spi.getName()));
                bindings.add(binding);
            }
            return newProxy(spi, binding);
        }));
    }

    /**
     * A routing proxy on a route chosen per call (by {@link DynamicInvoker}); the configuration does not
     * override it. Not cached here: the invoker caches what it hands out.
     */
    <T> T fixedProxy(Class<T> spi, Route route) {
        return newProxy(spi, new RouteBinding(registry, spi, route, false));
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
        for (RouteBinding b : bindings) {
            b.override(overrides.get(b.spi().getName()));
        }
    }

    /** @return the overrides in force */
    public synchronized Map<String, Route> overrides() {
        return overrides;
    }

    /** @return the bindings of the proxies made so far (not those of per-call routes) */
    public synchronized List<RouteBinding> bindings() {
        return List.copyOf(bindings);
    }

    /** @return the names of the SPIs that have a proxy */
    public synchronized Set<String> spiNames() {
        Set<String> names = new TreeSet<>();
        bindings.forEach(b -> names.add(b.spi().getName()));
        return Collections.unmodifiableSet(names);
    }

    /**
     * @return the binding of the default route of an SPI (its configured override if any), for a dry run
     */
    public RouteBinding defaultBinding(Class<?> spi) {
        Object proxy = proxy(spi, Route.DEFAULT);
        return proxy instanceof GeneratedProxy ? ((GeneratedProxy) proxy).binding()
                : ((RoutingHandler) Proxy.getInvocationHandler(proxy)).binding();
    }

    /** A generated proxy (one class per SPI, no reflection per call), else a JDK dynamic proxy. */
    private <T> T newProxy(Class<T> spi, RouteBinding binding) {
        Object generated = ProxyClasses.instantiate(spi, binding, dispatcher);
        if (generated != null) {
            return spi.cast(generated);
        }
        ClassLoader loader = spi.getClassLoader() != null ? spi.getClassLoader() : Router.class.getClassLoader();
        return spi.cast(Proxy.newProxyInstance(loader, new Class<?>[] {spi}, new RoutingHandler(binding, dispatcher)));
    }

    private static void requireInterface(Class<?> spi) {
        if (!Objects.requireNonNull(spi, "spi").isInterface()) {
            throw new IllegalArgumentException(spi.getName() + " is not an interface; nbf routes calls of SPI interfaces only");
        }
    }
}
