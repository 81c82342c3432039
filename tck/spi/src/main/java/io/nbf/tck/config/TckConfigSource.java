package io.nbf.tck.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The TCK's MicroProfile Config source: nbf's settings for the container under test, changed by tests
 * at runtime as a dynamic source (a database, a config server) would be. Registered through
 * META-INF/services: in this JAR, for hosts that have it on their class path (Weld embedded, Quarkus,
 * cdi-extension's own tests), and in every TCK deployment ({@code TckDeployment}). Not in an exported
 * package: bundles never see it.
 */
public final class TckConfigSource implements ConfigSource {

    /** The hot deploy directory of this deployment's nbf. */
    public static final Path BUNDLES = directory();
    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    static {
        reset();
    }

    private static Path directory() {
        try {
            return Files.createTempDirectory("nbf-tck-bundles-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets ({@code value} non-null) or removes a key. */
    public static void set(String key, String value) {
        if (value == null) {
            VALUES.remove(key);
        } else {
            VALUES.put(key, value);
        }
    }

    /** Back to the TCK's defaults. */
    public static void reset() {
        VALUES.clear();
        VALUES.put("nbf.bundles.dir", BUNDLES.toString());
        VALUES.put("nbf.bundles.scan-interval", "100ms");
        VALUES.put("nbf.config.refresh-interval", "200ms");
        VALUES.put("nbf.exports", "io.nbf.tck.spi, org.eclipse.microprofile.config"); // Config: ConfigInBundleTck
        VALUES.put("nbf.hook-timeout", "10s");
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
        return "nbf TCK";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
