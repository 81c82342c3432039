package io.nbf.tck.wildfly.porting;

import io.nbf.tck.porting.TelemetryReader;
import java.util.List;

/**
 * The TCK's {@link TelemetryReader} on WildFly: what the deployment's OpenTelemetry SDK really exported, over
 * OTLP/HTTP, to this deployment's {@link OtlpReceiver} on 127.0.0.1. Registered in the deployment's
 * {@code META-INF/services/io.nbf.tck.porting.TelemetryReader} by the runner's deployment processor.
 *
 * <p>How fast exports arrive is set in the deployment's {@code microprofile-config.properties}
 * ({@code otel.metric.export.interval}, {@code otel.bsp.schedule.delay}). {@link #toString()} says where the
 * receiver listens and what it received, for the message of a test that waited in vain.
 */
public final class WildFlyTelemetryReader implements TelemetryReader {

    /** The instrumentation scope of nbf's instruments, the only one {@link #metrics()} answers. */
    public static final String NBF_SCOPE = "io.nbf";

    /** Starts the deployment's receiver if the SDK has not yet done so (ServiceLoader's constructor). */
    public WildFlyTelemetryReader() {
        OtlpReceiver.get();
    }

    /** @return the latest point of every stream of the scope {@value #NBF_SCOPE} */
    @Override
    public List<MetricPoint> metrics() {
        return metrics(NBF_SCOPE);
    }

    /**
     * @param scope an instrumentation scope's name, e.g. {@code io.smallrye.faulttolerance} for Fault Tolerance's
     *        {@code ft.*} metrics
     * @return the latest point of every stream of {@code scope}: the receiver keeps every scope's, this is for
     *         checking the export itself
     */
    public List<MetricPoint> metrics(String scope) {
        return OtlpReceiver.get().metrics(scope);
    }

    /** @return every span exported so far, of every scope (nbf's and those the tests start) */
    @Override
    public List<RecordedSpan> spans() {
        return OtlpReceiver.get().spans();
    }

    @Override
    public String toString() {
        return OtlpReceiver.get().toString();
    }
}
