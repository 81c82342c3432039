package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import io.nbf.cdi.testing.Telemetry;
import io.nbf.modules.testing.BundleJar;
import io.nbf.modules.testspi.Probe;
import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.otel.InMemoryTelemetry;
import io.nbf.tck.spi.Signals;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A span per routed call, nested as bundles call bundles, with degradations and failures; the bundle in the MDC. */
class TracingAndMdcTest extends GuardTestSupport {

    @BeforeEach
    void bundles() {
        drop(front("front", "hema"), "front.jar");
        drop(CdiBundles.controlled("hema", "1.0", "rt-mart"), "hema.jar");
        drop(CdiBundles.controlled("rt-mart", "1.0", null), "rt.jar");
        drop(CdiBundles.controlled("lone", "1.0", null), "lone.jar");
    }

    /** A Probe bundle that answers with a Greeter bundle's greeting: a bundle calling a bundle. */
    private static BundleJar front(String id, String greeterId) {
        return BundleJar.bundle(id, "1.0")
                .source("front.P", "package front;\n"
                        + "import io.nbf.api.DynamicInject;\n"
                        + "public class P implements io.nbf.modules.testspi.Probe {\n"
                        + "  @DynamicInject(pattern = \"" + greeterId + "\") io.nbf.modules.testspi.Greeter greeter;\n"
                        + "  public String probe(String q) { return greeter.greet(q); } }")
                .service("io.nbf.modules.testspi.Probe", "front.P");
    }

    private Probe front() {
        return bean(ManagementClient.class).broker.invoker(Probe.class).getService("front");
    }

    @Test
    void aDegradedBundleToBundleCallIsASpanTreeUnderTheCallersSpan() {
        startGuarded(true, ManagementClient.class);
        Signals.mode("hema", "throw");
        InMemoryTelemetry.clearSpans();
        Tracer tracer = bean(Tracer.class);
        Span parent = tracer.spanBuilder("checkout").startSpan();
        Scope scope = parent.makeCurrent();
        try {
            assertThat(front().probe("x")).isEqualTo("rt-mart x");
        } finally {
            scope.close();
            parent.end();
        }
        List<SpanData> spans = Telemetry.spans();
        SpanData root = spans.stream().filter(s -> s.getName().equals("checkout")).findFirst().orElseThrow();
        System.out.println("span tree of a degraded bundle-to-bundle call:\n" + Telemetry.tree(root, spans));

        SpanData probe = child(spans, root, "Probe.probe");
        assertThat(probe.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(Telemetry.attribute(probe, "nbf.bundle.id")).isEqualTo("front");
        assertThat(Telemetry.attribute(probe, "nbf.bundle.version")).isEqualTo("1.0");
        assertThat(Telemetry.attribute(probe, "nbf.spi")).isEqualTo(Probe.class.getName());
        assertThat(Telemetry.attribute(probe, "nbf.method")).isEqualTo("probe");
        assertThat(Telemetry.attribute(probe, "nbf.route")).isEqualTo("ID front");
        SpanData greet = child(spans, probe, "Greeter.greet");
        assertThat(greet.getTraceId()).isEqualTo(root.getTraceId());
        assertThat(Telemetry.attribute(greet, "nbf.bundle.id")).isEqualTo("hema");
        assertThat(Telemetry.attribute(greet, "nbf.route")).isEqualTo("ID hema");
        assertThat(greet.getEvents()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("nbf.degraded");
            assertThat(Telemetry.text(e.getAttributes())).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "nbf.degradation.reason", "exception", "nbf.degradation.from", "hema", "nbf.degradation.to", "rt-mart"));
        });
        assertThat(greet.getStatus().getStatusCode()).as("the caller got an answer").isEqualTo(StatusCode.UNSET);
    }

    @Test
    void aFailedCallRecordsTheExceptionAndEndsInError() {
        startGuarded(true, ManagementClient.class);
        Signals.mode("lone", "throw");
        InMemoryTelemetry.clearSpans();
        assertThatThrownBy(() -> greetVia("lone")).isInstanceOf(IllegalStateException.class);
        SpanData span = Telemetry.spans().stream().filter(s -> s.getName().equals("Greeter.greet")).findFirst().orElseThrow();
        assertThat(span.getParentSpanId()).as("no caller span: a root").isEqualTo(io.opentelemetry.api.trace.SpanId.getInvalid());
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getEvents()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("exception");
            assertThat(Telemetry.text(e.getAttributes())).containsEntry("exception.type", IllegalStateException.class.getName());
        });
    }

    @Test
    void tracingCanBeSwitchedOffAtRuntime() {
        startGuarded(true, ManagementClient.class);
        TckConfigSource.set("nbf.tracing.enabled", "false");
        bean(ManagementClient.class).routes.refresh();
        InMemoryTelemetry.clearSpans();
        greetVia("lone");
        assertThat(Telemetry.spans()).noneMatch(s -> s.getName().equals("Greeter.greet"));
    }

    private static SpanData child(List<SpanData> spans, SpanData parent, String name) {
        return spans.stream().filter(s -> s.getName().equals(name) && s.getParentSpanId().equals(parent.getSpanId()))
                .findFirst().orElseThrow(() -> new AssertionError("no span " + name + " under " + parent.getName() + " in " + spans));
    }

    @Test
    void theMdcNamesTheBundleDuringCallsAndHooksAndIsRestoredAfterwards() {
        List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
        Signals.observe((bundle, what) -> seen.add(new HashMap<>(MDC.getMap())));
        drop(CdiBundles.controlled("hooked", "1.0", null)
                .source("hk.A", "package hk; public class A implements io.nbf.api.BundleActivator {\n"
                        + " public void start(io.nbf.api.BundleContext c) { io.nbf.tck.spi.Signals.record(\"start\"); } }")
                .activator("hk.A"), "hooked.jar");
        startGuarded(false, ManagementClient.class);
        assertThat(seen).as("the start hook").anySatisfy(m -> assertThat(m).containsEntry("nbf.bundle.id", "hooked")
                .containsEntry("nbf.bundle.version", "1.0").containsEntry("nbf.spi", "io.nbf.modules.testspi.Greeter"));

        MDC.put("nbf.bundle.id", "the caller's");
        try {
            seen.clear();
            Signals.mode("hema", "throw");
            assertThat(front().probe("x")).isEqualTo("rt-mart x");
            assertThat(seen).extracting(m -> m.get("nbf.bundle.id")).containsExactly("hema", "rt-mart");
            assertThat(seen.get(0)).containsEntry("nbf.spi", "io.nbf.modules.testspi.Greeter").containsEntry("nbf.bundle.version", "1.0");
            assertThat(MDC.get("nbf.bundle.id")).as("restored after the call").isEqualTo("the caller's");

            Signals.mode("lone", "throw");
            assertThatThrownBy(() -> greetVia("lone")).isInstanceOf(IllegalStateException.class);
            assertThat(MDC.get("nbf.bundle.id")).as("restored after a call that threw").isEqualTo("the caller's");
            assertThat(MDC.get("nbf.spi")).isNull();
        } finally {
            MDC.remove("nbf.bundle.id");
        }
    }

    @Test
    void theMdcCanBeSwitchedOff() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        TckConfigSource.set("nbf.mdc.enabled", "false");
        Signals.observe((bundle, what) -> {
            if (bundle != null) {
                seen.add(String.valueOf(MDC.get("nbf.bundle.id")));
            }
        });
        startGuarded(false, ManagementClient.class);
        greetVia("lone");
        assertThat(seen).containsExactly("null");
    }
}
