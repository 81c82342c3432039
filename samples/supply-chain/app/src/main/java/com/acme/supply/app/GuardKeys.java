package com.acme.supply.app;

import io.nbf.api.management.RouteManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes nbf's runtime keys while the host runs, the way an operator would through a config server:
 * the keys are MicroProfile Config properties, set here as system properties (a config source SmallRye
 * Config reads live), and {@link RouteManager#refresh()} applies them at once instead of at the next
 * {@code nbf.config.refresh-interval}.
 */
@ApplicationScoped
class GuardKeys {

    @Inject
    RouteManager routes;

    private final List<String> set = new ArrayList<>();

    /** @return the guard key {@code nbf.bundle."<bundle>".<key>} */
    static String bundleKey(String bundle, String key) {
        return "nbf.bundle.\"" + bundle + "\"." + key;
    }

    /**
     * Replaces the keys this object set before with {@code keys} of one bundle, and applies them.
     *
     * @param keys guard keys without the prefix, in the order to print them, e.g. {@code timeout -> 100ms}
     * @return the keys as set, {@code key=value} each, for the report
     */
    List<String> guard(String bundle, Map<String, String> keys) {
        Map<String, String> full = new LinkedHashMap<>();
        keys.forEach((k, v) -> full.put(bundleKey(bundle, k), v));
        return apply(full);
    }

    /**
     * Replaces the keys this object set before with {@code keys} (full names), and applies them.
     *
     * @return the keys as set, {@code key=value} each, for the report
     * @throws IllegalArgumentException naming the key, if nbf rejects a value (the last good settings stay)
     */
    List<String> apply(Map<String, String> keys) {
        unset();
        keys.forEach((k, v) -> {
            System.setProperty(k, v);
            set.add(k);
        });
        routes.refresh();
        List<String> shown = new ArrayList<>();
        keys.forEach((k, v) -> shown.add(k + "=" + v));
        return shown;
    }

    /** Removes every key this object set, and applies the change. */
    void clear() {
        unset();
        routes.refresh();
    }

    private void unset() {
        set.forEach(System::clearProperty);
        set.clear();
    }
}
