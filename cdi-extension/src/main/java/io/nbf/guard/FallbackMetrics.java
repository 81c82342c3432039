package io.nbf.guard;

import io.nbf.metrics.CallMetrics;
import io.nbf.metrics.CallMetrics.MethodMetrics;
import io.nbf.modules.registry.ServiceEntry;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The metrics of degradation and mock bundles' calls, which no guard of theirs records. Thread-safe. */
final class FallbackMetrics {

    private record Key(Class<?> spi, String bundle, String version) {
    }

    private final Map<Key, Map<Method, MethodMetrics>> byVersion = new ConcurrentHashMap<>();
    private volatile CallMetrics metrics = CallMetrics.NONE;

    /** Records in {@code callMetrics} from now on. */
    void use(CallMetrics callMetrics) {
        metrics = callMetrics;
    }

    MethodMetrics of(Class<?> spi, ServiceEntry fallback, Method method) {
        String version = fallback.bundle().version().toString();
        return byVersion.computeIfAbsent(new Key(spi, fallback.bundleId(), version), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(method, m -> metrics.method(spi.getName(), fallback.bundleId(), version, m.getName()));
    }

    /** Drops what an uninstalled bundle version recorded through. */
    void forget(String bundleId, String version) {
        byVersion.keySet().removeIf(k -> k.bundle.equals(bundleId) && k.version.equals(version));
    }
}
