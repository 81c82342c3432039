package io.nbf.cdi;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Finds the host's OpenTelemetry: its CDI bean (MicroProfile Telemetry on WildFly, Quarkus'
 * quarkus-opentelemetry, smallrye-opentelemetry-cdi on Weld SE). Not {@code GlobalOpenTelemetry}: asking it
 * before anyone set it fixes it to the no-op one for the JVM's lifetime, which would break an application that
 * sets it later. Added to
 * the deployment only when the OpenTelemetry API is on the class path; every reference to the API from the
 * CDI glue is in this class.
 *
 * <p>Named, because nbf looks it up through the {@code BeanManager} only: Quarkus' ArC removes beans it sees no
 * injection point of, but never a named one.
 */
@Dependent
@Named("io.nbf.OpenTelemetryHolder")
public class OpenTelemetryHolder {

    @Inject
    Instance<OpenTelemetry> openTelemetry;

    /** @return whether the host has an OpenTelemetry bean */
    boolean present() {
        return openTelemetry.isResolvable();
    }

    /** @return the meter provider, an {@code io.opentelemetry.api.metrics.MeterProvider}; only if {@link #present()} */
    Object meterProvider() {
        return openTelemetry.get().getMeterProvider();
    }

    /** @return the tracer provider, an {@code io.opentelemetry.api.trace.TracerProvider}; only if {@link #present()} */
    Object tracerProvider() {
        return openTelemetry.get().getTracerProvider();
    }
}
