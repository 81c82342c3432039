package io.nbf.bench;

import io.smallrye.opentelemetry.api.OpenTelemetryConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The OpenTelemetryConfig bean smallrye-opentelemetry-cdi's producer needs on Weld SE: the otel.* keys of MicroProfile Config. */
@Singleton
public class OtelConfig {

    @Produces
    @Singleton
    OpenTelemetryConfig config() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> properties = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("otel.")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> properties.put(name, v));
            }
        }
        return () -> properties;
    }
}
