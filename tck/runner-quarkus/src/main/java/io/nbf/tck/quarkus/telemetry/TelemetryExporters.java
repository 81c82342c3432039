package io.nbf.tck.quarkus.telemetry;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The exporters through which this TCK application's OpenTelemetry SDK exports, so that
 * {@link QuarkusTelemetryReader} sees what Quarkus really exports. quarkus-opentelemetry's default
 * exporter setting, {@code cdi} ({@code quarkus.otel.traces.exporter}, {@code quarkus.otel.metrics.exporter}),
 * exports to the application's {@code SpanExporter} and {@code MetricExporter} beans (as Quarkus's own
 * opentelemetry integration tests do with {@code InMemorySpanExporter}); the OTLP exporter is switched off
 * in application.properties, so nothing tries to reach a collector.
 *
 * <p>{@code @Unremovable}: Quarkus looks the exporters up with {@code CDI.current().select(...)}, which ArC
 * cannot see, and the reader looks them up the same way.
 */
@ApplicationScoped
public class TelemetryExporters {

    /** @return the span exporter: every span the SDK ends, after its batch span processor's delay */
    @Produces
    @Singleton
    @Unremovable
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }

    /** @return the metric exporter: the SDK's periodic reader's last export */
    @Produces
    @Singleton
    @Unremovable
    LastExportMetricExporter metrics() {
        return new LastExportMetricExporter();
    }
}
