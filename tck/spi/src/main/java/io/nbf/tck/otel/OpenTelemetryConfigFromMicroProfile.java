package io.nbf.tck.otel;

import io.smallrye.opentelemetry.api.OpenTelemetryConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The {@link OpenTelemetryConfig} smallrye-opentelemetry-cdi's producer needs (WildFly provides its own; no
 * published SmallRye artifact does for Weld SE): every {@code otel.*} key of MicroProfile Config.
 */
@Singleton
public class OpenTelemetryConfigFromMicroProfile {

    @Produces
    @Singleton
    OpenTelemetryConfig config() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> properties = new HashMap<>();
        // each source's names as it lists them now: the config's own list may be cached from before a test set them
        for (ConfigSource source : config.getConfigSources()) {
            for (String name : source.getPropertyNames()) {
                if (name.startsWith("otel.")) {
                    config.getOptionalValue(name, String.class).ifPresent(v -> properties.put(name, v));
                }
            }
        }
        return () -> properties;
    }
}
