// snippet:weld-otel-config
package com.acme.supply.app;

import io.smallrye.opentelemetry.api.OpenTelemetryConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The OpenTelemetryConfig that smallrye-opentelemetry-cdi's producer needs and nothing published provides
 * on Weld SE (WildFly and Quarkus have their own): every otel.* key of MicroProfile Config.
 */
@Dependent
public class OpenTelemetryConfigFromMicroProfile {

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
// snippet:end
