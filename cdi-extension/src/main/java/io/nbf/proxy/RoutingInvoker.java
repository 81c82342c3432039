package io.nbf.proxy;

import io.nbf.messages.NbfMessages;
import io.nbf.api.DynamicInvoker;
import io.nbf.route.Route;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link DynamicInvoker} of one SPI. Hands out routing proxies pinned to a bundle id or to a set of
 * attributes, cached so that choosing the route per request costs a map lookup. Each cache is bounded:
 * past {@value #MAX_CACHED} routes it starts over, so ids or attribute values taken from requests
 * cannot grow it without end.
 */
final class RoutingInvoker<T> implements DynamicInvoker<T> {

    static final int MAX_CACHED = 4096;

    private final Router router;
    private final Class<T> spi;
    private final Map<String, T> byId = new ConcurrentHashMap<>();
    private final Map<Map<String, ?>, T> byParams = new ConcurrentHashMap<>();

    RoutingInvoker(Router router, Class<T> spi) {
        this.router = router;
        this.spi = spi;
    }

    @Override
    public T getService(String bundleId) {
        if (bundleId == null || bundleId.isBlank()) {
            throw NbfMessages.MSG.blankBundleId();
        }
        T proxy = byId.get(bundleId);
        if (proxy == null) {
            proxy = router.fixedProxy(spi, Route.id(bundleId));
            if (byId.size() >= MAX_CACHED) {
                byId.clear();
            }
            T raced = byId.putIfAbsent(bundleId, proxy);
            proxy = raced != null ? raced : proxy;
        }
        return proxy;
    }

    @Override
    public T getService(Map<String, ?> params) {
        if (params == null || params.isEmpty()) {
            throw NbfMessages.MSG.noRouteParameters();
        }
        T proxy = byParams.get(params); // Map equality: any map with the same entries hits
        if (proxy == null) {
            Route route = Route.rule(params);
            proxy = router.fixedProxy(spi, route);
            if (byParams.size() >= MAX_CACHED) {
                byParams.clear();
            }
            T raced = byParams.putIfAbsent(Map.copyOf(params), proxy);
            proxy = raced != null ? raced : proxy;
        }
        return proxy;
    }

    @Override
    public String toString() {
        return "nbf DynamicInvoker<" + spi.getName() + ">";
    }
}
