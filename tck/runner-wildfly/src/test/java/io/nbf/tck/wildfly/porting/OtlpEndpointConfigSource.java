package io.nbf.tck.wildfly.porting;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Names this deployment's {@link OtlpReceiver} as the OTLP endpoint ({@code otel.exporter.otlp.endpoint}) of
 * the deployment's OpenTelemetry SDK, starting the receiver when the SDK (or anyone) reads the key.
 *
 * <p>A config source rather than a line of the deployment's {@code microprofile-config.properties}: the
 * receiver's port is ephemeral, known only once it listens in the server. WildFly's MicroProfile Telemetry
 * takes every {@code otel.*} property of the deployment's MicroProfile Config over the opentelemetry
 * subsystem's settings, so this wins over the subsystem's endpoint (default {@code http://localhost:4317});
 * the ordinal, above the properties file's 100 and the system properties' 400, makes it win over any other.
 * Registered in the deployment's {@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}.
 */
public final class OtlpEndpointConfigSource implements ConfigSource {

    /** The key SmallRye OpenTelemetry's exporters read (signal paths {@code /v1/metrics}, {@code /v1/traces} appended). */
    public static final String ENDPOINT = "otel.exporter.otlp.endpoint";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(ENDPOINT);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(ENDPOINT, OtlpReceiver.get().endpoint());
    }

    @Override
    public String getValue(String propertyName) {
        return ENDPOINT.equals(propertyName) ? OtlpReceiver.get().endpoint() : null;
    }

    @Override
    public int getOrdinal() {
        return 500;
    }

    @Override
    public String getName() {
        return "nbf TCK OTLP receiver (WildFly runner)";
    }
}
