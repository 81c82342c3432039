package io.nbf.tck.quarkus.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;
import java.util.List;

/**
 * A metric exporter that keeps the last batch the SDK exported, with cumulative temporality: each batch
 * of a periodic metric reader holds every metric stream the SDK has at that moment (one export per
 * collection), so the last batch is the latest point of every stream. Unlike sdk-testing's
 * {@code InMemoryMetricExporter}, which appends every batch, it keeps one: the TCK application exports
 * every few hundred milliseconds for the whole run, and only the latest state is ever read.
 * Thread-safe: the SDK's reader thread writes, the tests read.
 */
public final class LastExportMetricExporter implements MetricExporter {

    private volatile List<MetricData> last = List.of();
    private volatile boolean shutdown;

    /** @return the metrics of the last export, empty before the first one */
    public List<MetricData> lastExport() {
        return last;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        if (shutdown) {
            return CompletableResultCode.ofFailure();
        }
        last = List.copyOf(metrics);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        shutdown = true;
        return CompletableResultCode.ofSuccess();
    }
}
