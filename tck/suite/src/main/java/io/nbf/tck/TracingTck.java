package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nbf.tck.porting.TelemetryReader.RecordedSpan;
import io.nbf.tck.spi.PriceService;
import io.nbf.tck.spi.Signals;
import io.nbf.tck.support.BundleArchives;
import io.nbf.tck.support.Telemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Each routed call is a span, a child of the caller's, nested as bundles call bundles, with degradations
 * and failures on it; as the host exports them (the runner's {@link io.nbf.tck.porting.TelemetryReader}).
 */
public class TracingTck extends TckTest {

    private static final Duration EXPORTED = Duration.ofSeconds(20);

    @Inject
    Tracer tracer;

    @Deployment
    public static WebArchive deployment() {
        return deployment(TracingTck.class);
    }

    @Test
    void aDegradedBundleToBundleCallNestsUnderTheCallersSpan() {
        clean();
        deploy(BundleArchives.composer("hema-fresh"));
        deploy(BundleArchives.price("rt-mart", "1.0").degradation("metro"));
        deploy(BundleArchives.price("metro", "1.0"));
        Signals.mode("rt-mart", "throw");
        String name = "tck checkout " + UUID.randomUUID();
        Span parent = tracer.spanBuilder(name).startSpan();
        Scope scope = parent.makeCurrent();
        try {
            assertThat(quoteVia("hema-fresh")).contains("+metro:1.0:sku");
        } finally {
            scope.close();
            parent.end();
        }
        RecordedSpan root = await().atMost(EXPORTED).until(() -> span(name), s -> s != null);
        RecordedSpan composer = await().atMost(EXPORTED).until(() -> child(root, "PriceService.quote"), s -> s != null);
        RecordedSpan rtMart = await().atMost(EXPORTED).until(() -> child(composer, "PriceService.quote"), s -> s != null);

        assertThat(composer.kind()).isEqualTo("INTERNAL");
        assertThat(composer.traceId()).isEqualTo(root.traceId());
        assertThat(composer.attributes()).containsEntry("nbf.spi", PriceService.class.getName())
                .containsEntry("nbf.method", "quote").containsEntry("nbf.bundle.id", "hema-fresh")
                .containsEntry("nbf.bundle.version", "1.0").containsEntry("nbf.route", "ID hema-fresh");
        assertThat(rtMart.attributes()).containsEntry("nbf.bundle.id", "rt-mart").containsEntry("nbf.route", "ID rt-mart");
        assertThat(rtMart.events()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("nbf.degraded");
            assertThat(e.attributes()).containsEntry("nbf.degradation.reason", "exception")
                    .containsEntry("nbf.degradation.from", "rt-mart").containsEntry("nbf.degradation.to", "metro");
        });
        assertThat(rtMart.status()).as("the caller got metro's answer").isNotEqualTo("ERROR");
    }

    @Test
    void aFailedCallRecordsTheExceptionAndEndsInError() {
        clean();
        deploy(BundleArchives.price("lone-" + UUID.randomUUID().toString().substring(0, 8), "1.0"));
        String id = bundles.bundles().get(0).id();
        Signals.mode(id, "throw");
        assertThatThrownBy(() -> quoteVia(id)).isInstanceOf(IllegalStateException.class);
        RecordedSpan failed = await().atMost(EXPORTED).until(() -> Telemetry.spans().stream()
                .filter(s -> id.equals(s.attributes().get("nbf.bundle.id"))).findFirst().orElse(null), s -> s != null);
        assertThat(failed.status()).isEqualTo("ERROR");
        assertThat(failed.events()).anySatisfy(e -> assertThat(e.attributes())
                .containsEntry("exception.type", IllegalStateException.class.getName()));
    }

    private static RecordedSpan span(String name) {
        return Telemetry.spans().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static RecordedSpan child(RecordedSpan parent, String name) {
        List<RecordedSpan> spans = Telemetry.spans();
        return spans.stream().filter(s -> s.name().equals(name) && parent.spanId().equals(s.parentSpanId())).findFirst()
                .orElse(null);
    }

}
