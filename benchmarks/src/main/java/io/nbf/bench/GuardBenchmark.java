package io.nbf.bench;

import io.nbf.api.RouteType;
import io.nbf.guard.GuardedDispatcher;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.testspi.Greeter;
import io.nbf.route.Route;
import io.nbf.proxy.Router;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fully guarded routed call beside the bare SmallRye guard it builds on.
 *
 * <ul>
 *   <li>{@link #guardedRouted}: ID route, then nbf's guard with a circuit breaker, a degradation bundle,
 *       slow-call detection on a 100 ms baseline, observed as nbf's defaults have it: OpenTelemetry metrics
 *       (counter and histogram, on the SDK), a span per call (the SDK's batch span processor), the bundle in
 *       the MDC — the happy path, nothing fails.</li>
 *   <li>{@link #bareTypedGuard} (the baseline): SmallRye's {@code TypedGuard} with a circuit breaker and a
 *       fallback around the direct call, no routing, no metrics.</li>
 * </ul>
 * Target: {@code guardedRouted <= 1.1 x bareTypedGuard}. For reading the result: {@link #bareGuard}
 * (SmallRye {@code Guard}, breaker only, what nbf uses inside), {@link #guardedRoutedNoTracing} (metrics and MDC
 * only) and {@link #guardedRoutedNoMetrics} (the same guard observed by nothing) split the cost. SmallRye Fault
 * Tolerance runs standalone here, without metrics of its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class GuardBenchmark {

    private BundleEngine engine;
    private Greeter direct;
    private TypedGuard<String> typedGuard;
    private Guard guard;
    private Greeter guarded;
    private Greeter guardedNoMetrics;
    private Greeter guardedNoTracing;
    private String name = "nbf";

    @Setup(Level.Trial)
    public void setUp() {
        engine = BenchBundles.engine();
        engine.deploy(BenchBundles.greeter("hema-fresh", "1.0"));
        engine.deploy(BenchBundles.greeter("rt-mart", "1.0", "Degraded", 1));
        direct = new DirectGreeter();
        typedGuard = TypedGuard.create(String.class)
                .withCircuitBreaker().done()
                .withFallback().handler(() -> "fallback").done()
                .build();
        guard = Guard.create().withCircuitBreaker().done().build();

        var full = Map.of("hema-fresh", BenchGuards.settings(
                "degradation", "rt-mart", "breaker", "true", "baseline", "100ms"));
        GuardedDispatcher withMetrics = BenchGuards.dispatcher(engine, true, full);
        GuardedDispatcher withoutMetrics = BenchGuards.dispatcher(engine, false, full);
        GuardedDispatcher withoutTracing = BenchGuards.dispatcher(engine,
                new io.nbf.config.ObservationSettings(true, false, true, java.util.Set.of()), full);
        Route route = Route.of(RouteType.ID, "hema-fresh");
        guarded = new Router(engine.registry(), withMetrics).proxy(Greeter.class, route);
        guardedNoMetrics = new Router(engine.registry(), withoutMetrics).proxy(Greeter.class, route);
        guardedNoTracing = new Router(engine.registry(), withoutTracing).proxy(Greeter.class, route);

        BenchGuards.check("Hello x".equals(guarded.greet("x")), "guarded call answers Hello x");
        BenchGuards.check("Hello x".equals(guardedNoMetrics.greet("x")), "guarded call without metrics answers Hello x");
        BenchGuards.check(withMetrics.breakerState(Greeter.class, "hema-fresh", "1.0") == 0, "the guarded call has a closed breaker");
        BenchGuards.check(withoutMetrics.breakerState(Greeter.class, "hema-fresh", "1.0") == 0, "the guarded call without metrics has a closed breaker");
        BenchGuards.check("Hello x".equals(guardedNoTracing.greet("x")), "guarded call without tracing answers Hello x");
        BenchGuards.check(BenchGuards.recordedCalls("hema-fresh") >= 2, "the guarded calls are recorded in OpenTelemetry");
        BenchGuards.check(BenchGuards.exportedSpans() >= 1, "the guarded call is traced");
        try {
            BenchGuards.check("Hello x".equals(typedGuard.call(() -> direct.greet("x"))), "TypedGuard answers Hello x");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** Baseline: SmallRye TypedGuard (circuit breaker + fallback) around the direct call. */
    @Benchmark
    public String bareTypedGuard() throws Exception {
        return typedGuard.call(() -> direct.greet(name));
    }

    /** For reference: SmallRye Guard (circuit breaker) around the direct call. */
    @Benchmark
    public String bareGuard() throws Exception {
        return guard.call(() -> direct.greet(name), String.class);
    }

    /** Route + breaker + degradation + slow-call detection + metrics, spans and MDC (nbf's defaults). */
    @Benchmark
    public String guardedRouted() {
        return guarded.greet(name);
    }

    /** The same observed by nothing (nbf.metrics.enabled, nbf.tracing.enabled, nbf.mdc.enabled false). */
    @Benchmark
    public String guardedRoutedNoMetrics() {
        return guardedNoMetrics.greet(name);
    }

    /** The same with metrics and the MDC, no spans. */
    @Benchmark
    public String guardedRoutedNoTracing() {
        return guardedNoTracing.greet(name);
    }
}
