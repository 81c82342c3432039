package com.acme.supply.app;

import static com.acme.supply.app.HemaFreshCaller.HEMA_FRESH;
import static com.acme.supply.app.HemaFreshCaller.RT_MART;

import com.acme.supply.app.HemaFreshCaller.Call;
import com.acme.supply.ConfigReadService;
import com.acme.supply.support.FaultSwitch;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 2: hema-fresh fails in three ways and its calls go to rt-mart, the degradation bundle its
 * descriptor declares: it throws; it runs past a timeout; it runs past its response-time baseline often
 * enough that its circuit breaker opens, so calls go to rt-mart without even trying hema-fresh, until a
 * half-open probe finds it healthy again. The call that throws runs under a span of the sample's own, and the
 * scenario prints the trace the OpenTelemetry SDK exported: nbf's span of the call, with its {@code nbf.degraded}
 * event.
 */
@ApplicationScoped
class DegradationScenario {

    /** The seed's active circuit breaking: a call slower than this counts as a failure. */
    private static final String BASELINE = "100ms";
    private static final Duration SLOW = Duration.ofMillis(250);
    private static final Duration BREAKER_DELAY = Duration.ofSeconds(1);
    private static final int BREAKER_WINDOW = 4;

    @Inject
    HemaFreshCaller caller;

    @Inject
    GuardKeys keys;

    @Inject
    NbfMetrics metrics;

    /** smallrye-opentelemetry-cdi's Tracer, over the SDK nbf records into as well. */
    @Inject
    Tracer tracer;

    void run(Report report) {
        report.section("2. Degradation: hema-fresh fails, rt-mart answers");
        report.line("hema-fresh declares degradation=rt-mart; calls go through @DynamicInject(pattern = \"hema-fresh\")");
        try {
            Call healthy = caller.call();
            report.check(healthy.answeredBy(HEMA_FRESH), "healthy          -> " + healthy, "hema-fresh answers");
            exception(report);
            timeout(report);
            breaker(report);
        } finally {
            FaultSwitch.healthy(HEMA_FRESH);
            keys.clear();
        }
    }

    private void exception(Report report) {
        FaultSwitch.failing(HEMA_FRESH);
        // the caller's own span: nbf's span of the call is its child (Context.current())
        Span parent = tracer.spanBuilder("order-cutoff lookup").startSpan();
        Call call;
        Scope scope = parent.makeCurrent();
        try {
            call = caller.call();
        } finally {
            scope.close();
            parent.end();
            FaultSwitch.healthy(HEMA_FRESH);
        }
        report.check(call.answeredBy(RT_MART) && call.reachedHemaFresh() && call.degradedFor().contains("exception"),
                "throws           -> " + call, "rt-mart answers after hema-fresh threw; reason exception");
        trace(report, parent);
    }

    /** Prints the trace of the throwing call as the SDK exported it, and checks nbf's span in it. */
    private static void trace(Report report, Span parent) {
        String traceId = parent.getSpanContext().getTraceId();
        List<SpanData> trace = SampleTelemetry.spans().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
        SpanData root = trace.stream().filter(s -> s.getSpanId().equals(parent.getSpanContext().getSpanId())).findFirst().orElse(null);
        if (root == null) {
            report.check(false, "the call's trace: " + trace.size() + " spans exported, not the caller's span", "the caller's span and nbf's");
            return;
        }
        report.line("the call above ran under the caller's span \"" + root.getName() + "\"; its trace, as the SDK exported it:");
        SpanTree.lines(root, trace).forEach(l -> report.line("  " + l));
        List<SpanData> children = SpanTree.children(root, trace);
        SpanData nbf = children.size() == 1 ? children.get(0) : null;
        String name = ConfigReadService.class.getSimpleName() + ".queryConfig";
        report.check(nbf != null && nbf.getName().equals(name) && HEMA_FRESH.equals(SpanTree.attribute(nbf, "nbf.bundle.id"))
                        && ("ID " + HEMA_FRESH).equals(SpanTree.attribute(nbf, "nbf.route")),
                "nbf's span: " + (nbf == null ? children.size() + " children of the caller's span" : nbf.getName() + ", a child of the caller's, "
                        + "nbf.bundle.id=" + SpanTree.attribute(nbf, "nbf.bundle.id") + ", nbf.route=" + SpanTree.attribute(nbf, "nbf.route")),
                "one child " + name + ", nbf.bundle.id=hema-fresh, nbf.route=ID hema-fresh");
        Map<String, String> degraded = nbf == null ? Map.of() : nbf.getEvents().stream().filter(e -> e.getName().equals("nbf.degraded"))
                .findFirst().map(e -> SpanTree.text(e.getAttributes())).orElse(Map.of());
        report.check(degraded.equals(Map.of("nbf.degradation.reason", "exception", "nbf.degradation.from", HEMA_FRESH,
                        "nbf.degradation.to", RT_MART)),
                "its event nbf.degraded: " + (degraded.isEmpty() ? "missing" : degraded), "reason exception, from hema-fresh, to rt-mart");
    }

    private void timeout(Report report) {
        keys.guard(HEMA_FRESH, Map.of("timeout", "100ms")).forEach(k -> report.line("config   " + k));
        // The first call after a guard change builds the bundle's Fault Tolerance guard; make it a healthy one
        // so the timed call below measures the timeout alone.
        report.line("healthy          -> " + caller.call() + " (this call built the new guard)");
        FaultSwitch.slow(HEMA_FRESH, Duration.ofSeconds(2));
        Call call = caller.call();
        FaultSwitch.healthy(HEMA_FRESH);
        // About 100 ms; the bound is loose because a loaded machine fires Fault Tolerance's timer late.
        report.check(call.answeredBy(RT_MART) && call.degradedFor().contains("timeout") && call.nanos() < Duration.ofMillis(1500).toNanos(),
                "sleeps 2 s       -> " + call, "rt-mart answers long before the 2 s sleep would end; reason timeout");
        // Fault Tolerance interrupts the calling thread to cut the call short; the flag must not leak to the caller.
        boolean interrupted = Thread.interrupted();
        report.check(!interrupted, "after the timeout the calling thread is " + (interrupted ? "still interrupted" : "not interrupted"),
                "the interrupt cleared");
    }

    private void breaker(Report report) {
        Map<String, String> guard = new LinkedHashMap<>();
        guard.put("baseline", BASELINE);
        guard.put("breaker.window", String.valueOf(BREAKER_WINDOW));
        guard.put("breaker.failure-ratio", "0.5");
        guard.put("breaker.delay", BREAKER_DELAY.toMillis() + "ms");
        keys.guard(HEMA_FRESH, guard).forEach(k -> report.line("config   " + k));
        report.line("healthy          -> " + caller.call() + " (this call built the new guard); breaker "
                + metrics.breaker(HEMA_FRESH, "1.0.0"));
        report.line("hema-fresh now takes " + SLOW.toMillis() + " ms a call: each call answers, but past the " + BASELINE + " baseline");
        FaultSwitch.slow(HEMA_FRESH, SLOW);

        int slowCalls = 0;
        String state = metrics.breaker(HEMA_FRESH, "1.0.0");
        while (!state.equals("OPEN") && slowCalls < 2 * BREAKER_WINDOW) {
            Call call = caller.call();
            slowCalls++;
            state = metrics.breaker(HEMA_FRESH, "1.0.0");
            report.line(String.format("slow call %d      -> %s; breaker %s", slowCalls, call, state));
        }
        report.check(state.equals("OPEN") && slowCalls <= BREAKER_WINDOW,
                "the breaker opened after " + slowCalls + " slow calls", "open within the window of " + BREAKER_WINDOW);

        int open = 5;
        long reachedBefore = FaultSwitch.calls(HEMA_FRESH);
        long refusedBefore = metrics.degradedByReason(HEMA_FRESH).getOrDefault("breaker_open", 0L);
        int byRtMart = 0;
        long slowest = 0;
        for (int i = 0; i < open; i++) {
            Call call = caller.call();
            byRtMart += call.answeredBy(RT_MART) ? 1 : 0;
            slowest = Math.max(slowest, call.nanos());
        }
        long reached = FaultSwitch.calls(HEMA_FRESH) - reachedBefore;
        long refused = metrics.degradedByReason(HEMA_FRESH).getOrDefault("breaker_open", 0L) - refusedBefore;
        report.check(byRtMart == open && reached == 0 && refused == open,
                String.format("open: %d calls  -> rt-mart answered %d, slowest in %s; breaker_open %d; reached hema-fresh: %d",
                        open, byRtMart, HemaFreshCaller.millis(slowest), refused, reached),
                "all to rt-mart at once, none to hema-fresh");

        FaultSwitch.healthy(HEMA_FRESH);
        report.line("hema-fresh is fast again; waiting out breaker.delay (" + BREAKER_DELAY.toMillis() + " ms)");
        sleep(BREAKER_DELAY.plusMillis(200));
        report.line("breaker after the delay: " + metrics.breaker(HEMA_FRESH, "1.0.0"));
        Call probe = caller.call();
        state = metrics.breaker(HEMA_FRESH, "1.0.0");
        report.check(probe.answeredBy(HEMA_FRESH) && state.equals("closed"),
                "probe            -> " + probe + "; breaker " + state, "the half-open probe reaches hema-fresh and closes the breaker");
        int recovered = 0;
        for (int i = 0; i < 5; i++) {
            recovered += caller.call().answeredBy(HEMA_FRESH) ? 1 : 0;
        }
        report.check(recovered == 5, "after recovery, 5 calls -> hema-fresh answered " + recovered, "5");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
