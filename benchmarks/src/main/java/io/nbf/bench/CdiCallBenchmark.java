package io.nbf.bench;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.nbf.cdi.NbfContainer;
import io.nbf.cdi.NbfExtension;
import io.nbf.modules.testspi.Greeter;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What a user pays per call, on the path an {@code @DynamicInject} caller takes: a Weld SE container in the fork
 * with the documented stack (nbf's portable extension, SmallRye Config, SmallRye Fault Tolerance, smallrye-opentelemetry-cdi
 * over the SDK with a periodic metric reader and a batch span processor to exporters that drop), a {@code @Dependent}
 * bean with an {@code @DynamicInject} field, and {@code String greet(String)} doing a string concat. Beside it, in
 * the same run, what a user would pick instead: a JDK proxy with a map lookup and {@code Method.invoke}, Resilience4j's
 * circuit breaker with a slow-call rule, Sentinel's slow-ratio degrade rule, and SmallRye's {@code Guard} and
 * {@code TypedGuard} (benchmark scope only: never a dependency of nbf).
 *
 * <p>Each benchmark method runs in its own fork, whose set-up reads the method's name to configure the container:
 * {@code nbfRouted*} deploy one bundle with nothing guarding it and nbf's observation off; {@code nbfGuarded*} deploy
 * {@code hema-fresh} guarded (breaker on a 100 ms baseline, window 20, degradation bundle {@code rt-mart}) with, per
 * suffix: {@code Defaults} the documented defaults (nbf's metrics, spans and MDC on, SmallRye Fault Tolerance's own
 * metrics on), {@code FtMetricsOff} the same with {@code smallrye.faulttolerance.metrics.enabled=false},
 * {@code NoTracing} the defaults with {@code nbf.tracing.enabled=false} and FT's metrics off, {@code ObservationOff}
 * nothing observed (nbf's three switches and FT's metrics off).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class CdiCallBenchmark {

    private static final Map<String, String> OBSERVATION_OFF = Map.of("nbf.metrics.enabled", "false", "nbf.tracing.enabled",
            "false", "nbf.mdc.enabled", "false", "smallrye.faulttolerance.metrics.enabled", "false");

    private WeldContainer container;
    private Greeter direct;
    private Greeter jdkProxy;
    private Supplier<String> resilience4j;
    private Guard guard;
    private TypedGuard<String> typedGuard;
    private Callers.DefaultRoute defaultRoute;
    private Callers.IdRoute idRoute;
    private Callers.GuardedRoute guarded;
    private String name = "nbf";

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        String benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        direct = new DirectGreeter();
        Map<String, Greeter> targets = Map.of("hema-fresh", direct);
        jdkProxy = (Greeter) Proxy.newProxyInstance(Greeter.class.getClassLoader(), new Class<?>[] {Greeter.class},
                (p, m, a) -> invoke(targets.get("hema-fresh"), m, a));
        CircuitBreaker breaker = CircuitBreaker.of("bench", CircuitBreakerConfig.custom().slidingWindowSize(20)
                .slowCallDurationThreshold(Duration.ofMillis(100)).slowCallRateThreshold(50).build());
        resilience4j = CircuitBreaker.decorateSupplier(breaker, () -> direct.greet(name));
        DegradeRule rule = new DegradeRule("bench-greet").setGrade(RuleConstant.DEGRADE_GRADE_RT).setCount(100)
                .setSlowRatioThreshold(0.5).setMinRequestAmount(20).setStatIntervalMs(1000).setTimeWindow(5);
        DegradeRuleManager.loadRules(List.of(rule));
        if (benchmark.startsWith("nbf")) {
            container = start(benchmark);
            defaultRoute = container.select(Callers.DefaultRoute.class).get();
            idRoute = container.select(Callers.IdRoute.class).get();
            guarded = container.select(Callers.GuardedRoute.class).get();
            check(benchmark);
        } else {
            guard = Guard.create().withCircuitBreaker().requestVolumeThreshold(20).done().build();
            typedGuard = TypedGuard.create(String.class).withCircuitBreaker().requestVolumeThreshold(20).done()
                    .withFallback().handler(() -> "fallback").done().build();
        }
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private WeldContainer start(String benchmark) throws IOException {
        Path bundles = Files.createTempDirectory("nbf-bench-cdi-");
        boolean routed = benchmark.startsWith("nbfRouted");
        if (routed) {
            Files.copy(BenchBundles.greeter("plain-mart", "1.0"), bundles.resolve("plain-mart.jar"));
        } else {
            Files.copy(BenchBundles.greeter("hema-fresh", "1.0"), bundles.resolve("hema-fresh.jar"));
            Files.copy(BenchBundles.greeter("rt-mart", "1.0"), bundles.resolve("rt-mart.jar"));
            Files.copy(BenchBundles.greeter("plain-mart", "1.0"), bundles.resolve("plain-mart.jar"));
        }
        System.setProperty("nbf.bundles.dir", bundles.toString());
        System.setProperty("nbf.bundles.scan-interval", "0");
        System.setProperty("nbf.config.refresh-interval", "0");
        System.setProperty("otel.sdk.disabled", "false");
        System.setProperty("otel.traces.exporter", "none");
        System.setProperty("otel.metrics.exporter", "none");
        System.setProperty("otel.logs.exporter", "none");
        System.setProperty("nbf.bundle.\"hema-fresh\".degradation", "rt-mart");
        System.setProperty("nbf.bundle.\"hema-fresh\".baseline", "100ms");
        System.setProperty("nbf.bundle.\"hema-fresh\".breaker.window", "20");
        if (routed || benchmark.endsWith("ObservationOff")) {
            OBSERVATION_OFF.forEach(System::setProperty);
        } else if (benchmark.endsWith("FtMetricsOff")) {
            System.setProperty("smallrye.faulttolerance.metrics.enabled", "false");
        } else if (benchmark.endsWith("NoTracing")) {
            System.setProperty("nbf.tracing.enabled", "false");
            System.setProperty("smallrye.faulttolerance.metrics.enabled", "false");
        }
        return new Weld().disableDiscovery()
                .addBeanClasses(Callers.DefaultRoute.class, Callers.IdRoute.class, Callers.GuardedRoute.class, OtelConfig.class)
                .addExtension(new NbfExtension())
                .addExtension(new io.smallrye.config.inject.ConfigExtension())
                .addExtension(new io.smallrye.faulttolerance.FaultToleranceExtension())
                .addExtension(new io.smallrye.opentelemetry.implementation.cdi.OpenTelemetryExtension())
                .initialize();
    }

    /** Fails the set-up unless the benchmark measures what it says. */
    private void check(String benchmark) {
        if (benchmark.startsWith("nbfRouted")) {
            require("Hello x".equals(defaultRoute.greet("x")) && "Hello x".equals(idRoute.greet("x")), "routed calls answer Hello x");
        } else {
            require("Hello x".equals(guarded.greet("x")), "the guarded call answers Hello x");
            int breaker = container.select(NbfContainer.class).get().runtime().guards()
                    .breakerState(Greeter.class, "hema-fresh", "1.0");
            require(breaker == 0, "the guarded call has a closed breaker (state " + breaker + ")");
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up check failed: " + what);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (container != null) {
            container.shutdown();
        }
    }

    /** Baseline: the direct call. */
    @Benchmark
    public String direct() {
        return direct.greet(name);
    }

    /** A JDK proxy, a map lookup and {@code Method.invoke}: routing done by hand. */
    @Benchmark
    public String jdkProxy() {
        return jdkProxy.greet(name);
    }

    /** Resilience4j 2.4: a circuit breaker with a slow-call rule (100 ms, window 20). */
    @Benchmark
    public String resilience4jBreaker() {
        return resilience4j.get();
    }

    /** Sentinel 1.8.8: a slow-ratio degrade rule (100 ms, 20 calls minimum). */
    @Benchmark
    public String sentinelDegrade() {
        Entry entry = null;
        try {
            entry = SphU.entry("bench-greet");
            return direct.greet(name);
        } catch (BlockException blocked) {
            return "fallback";
        } finally {
            if (entry != null) {
                entry.exit();
            }
        }
    }

    /** SmallRye Fault Tolerance's {@code Guard}, breaker: what nbf's guard uses inside. */
    @Benchmark
    public String smallRyeGuard() throws Exception {
        return guard.call(() -> direct.greet(name), String.class);
    }

    /** SmallRye Fault Tolerance's {@code TypedGuard}, breaker and fallback. */
    @Benchmark
    public String smallRyeTypedGuard() throws Exception {
        return typedGuard.call(() -> direct.greet(name));
    }

    /** nbf, {@code @DynamicInject} with the default route, nothing guarding it, observation off. */
    @Benchmark
    public String nbfRoutedDefault() {
        return defaultRoute.greet(name);
    }

    /** nbf, {@code @DynamicInject(pattern = "plain-mart")}, nothing guarding it, observation off. */
    @Benchmark
    public String nbfRoutedId() {
        return idRoute.greet(name);
    }

    /** nbf, guarded (baseline 100 ms, window 20, degradation bundle), observed by nothing. */
    @Benchmark
    public String nbfGuardedObservationOff() {
        return guarded.greet(name);
    }

    /** nbf, guarded, nbf's metrics and MDC on, no spans, FT's metrics off. */
    @Benchmark
    public String nbfGuardedNoTracing() {
        return guarded.greet(name);
    }

    /** nbf, guarded, the documented defaults with SmallRye Fault Tolerance's own metrics off. */
    @Benchmark
    public String nbfGuardedFtMetricsOff() {
        return guarded.greet(name);
    }

    /** nbf, guarded, the documented defaults: nbf's metrics, spans and MDC, FT's own metrics, OpenTelemetry on the host. */
    @Benchmark
    public String nbfGuardedDefaults() {
        return guarded.greet(name);
    }
}
