package io.nbf.bench;

import io.nbf.api.DynamicInvoker;
import io.nbf.api.RouteType;
import io.nbf.guard.GuardedDispatcher;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.testspi.Greeter;
import io.nbf.dispatch.DirectDispatcher;
import io.nbf.route.Route;
import io.nbf.proxy.Router;
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
 * A routed call without a guard ({@link DirectDispatcher}), per route kind, beside the direct call on
 * the same implementation ({@link #direct}, the baseline). The called method concatenates two strings
 * (about 10 ns of work), so the ratio to {@link #direct} is the "on a method doing ~10 ns of work" figure.
 *
 * <p>Targets: default and ID route at most direct + 5 ns and at most 1.5x direct; REG, RULE and the
 * {@link DynamicInvoker} by id and by parameters at most direct + 20 ns. Two bundles are live; the
 * registry does not change during the measurement (each route's choice is cached per registry snapshot).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class RoutingBenchmark {

    private BundleEngine engine;
    private Greeter direct;
    private Greeter byDefault;
    private Greeter byId;
    private Greeter byIdThroughGuard;
    private Greeter byRegex;
    private Greeter byRule;
    private DynamicInvoker<Greeter> invoker;
    private final Map<String, Object> params = Map.of("merchant", "hema");
    private String name = "nbf";

    @Setup(Level.Trial)
    public void setUp() {
        engine = BenchBundles.engine();
        engine.deploy(BenchBundles.greeter("hema-fresh", "1.0", "merchant", "hema", "wareHouseId", "2001"));
        engine.deploy(BenchBundles.greeter("rt-mart", "1.0", "merchant", "rt-mart"));
        Router router = new Router(engine.registry(), DirectDispatcher.INSTANCE);
        direct = new DirectGreeter();
        byDefault = router.proxy(Greeter.class, Route.DEFAULT);
        byId = router.proxy(Greeter.class, Route.of(RouteType.ID, "hema-fresh"));
        // What an @DynamicInject caller gets: the CDI runtime always routes through the guard's dispatcher,
        // here with no guard setting and no metrics, so the call takes its plain path.
        byIdThroughGuard = new Router(engine.registry(), new GuardedDispatcher(engine.registry(), getClass().getClassLoader()))
                .proxy(Greeter.class, Route.of(RouteType.ID, "hema-fresh"));
        byRegex = router.proxy(Greeter.class, Route.of(RouteType.REG, "hema-.*"));
        byRule = router.proxy(Greeter.class, Route.of(RouteType.RULE, "{\"merchant\":\"hema\",\"wareHouseId\":2001}"));
        invoker = router.invoker(Greeter.class);
        for (Greeter g : new Greeter[] {byDefault, byId, byIdThroughGuard, byRegex, byRule, invoker.getService("hema-fresh"), invoker.getService(params)}) {
            BenchGuards.check("Hello x".equals(g.greet("x")), "routed call answers Hello x");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** Baseline: the same work called directly on a host object. */
    @Benchmark
    public String direct() {
        return direct.greet(name);
    }

    /** The default route (lowest live bundle id). */
    @Benchmark
    public String routedDefault() {
        return byDefault.greet(name);
    }

    /** An ID route. */
    @Benchmark
    public String routedId() {
        return byId.greet(name);
    }

    /** An ID route through the guard's dispatcher with nothing configured: the plain path users get. */
    @Benchmark
    public String routedIdThroughGuard() {
        return byIdThroughGuard.greet(name);
    }

    /** A REG route over bundle ids. */
    @Benchmark
    public String routedRegex() {
        return byRegex.greet(name);
    }

    /** A RULE route over bundle attributes. */
    @Benchmark
    public String routedRule() {
        return byRule.greet(name);
    }

    /** {@link DynamicInvoker#getService(String)} per call, then the call. */
    @Benchmark
    public String invokerById() {
        return invoker.getService("hema-fresh").greet(name);
    }

    /** {@link DynamicInvoker#getService(Map)} per call, then the call. */
    @Benchmark
    public String invokerByParams() {
        return invoker.getService(params).greet(name);
    }
}
