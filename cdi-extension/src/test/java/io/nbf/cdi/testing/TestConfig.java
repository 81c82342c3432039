package io.nbf.cdi.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A MicroProfile Config source whose values tests change at runtime (registered through
 * META-INF/services), as a dynamic source such as a database or a config server would.
 */
public final class TestConfig implements ConfigSource {

    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    public static void set(String key, String value) {
        if (value == null) {
            VALUES.remove(key);
        } else {
            VALUES.put(key, value);
        }
    }

    public static String value(String key) {
        return VALUES.get(key);
    }

    public static void clear() {
        VALUES.clear();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(VALUES);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(VALUES.keySet());
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "nbf test config";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
