package io.nbf.bench;

import io.nbf.api.DynamicInvoker;
import io.nbf.api.RouteType;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.testspi.Greeter;
import io.nbf.routing.DirectDispatcher;
import io.nbf.routing.Route;
import io.nbf.routing.Router;
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
 * A routed call without a guard, per route kind, beside the direct call on the same implementation.
 * The called method concatenates two strings (about 10 ns of work).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RoutingBenchmark {

    private BundleEngine engine;
    private Greeter direct;
    private Greeter byDefault;
    private Greeter byId;
    private Greeter byRegex;
    private Greeter byRule;
    private DynamicInvoker<Greeter> invoker;
    private final Map<String, Object> params = Map.of("merchant", "hema");
    private String name = "nbf";

    @Setup(Level.Trial)
    public void setUp() {
        engine = BenchBundles.engine();
        engine.deploy(BenchBundles.build(BenchBundles.greeter("hema-fresh", "1.0", "merchant", "hema", "wareHouseId", "2001")));
        engine.deploy(BenchBundles.build(BenchBundles.greeter("rt-mart", "1.0", "merchant", "rt-mart")));
        Router router = new Router(engine.registry(), DirectDispatcher.INSTANCE);
        direct = new DirectGreeter();
        byDefault = router.proxy(Greeter.class, Route.DEFAULT);
        byId = router.proxy(Greeter.class, Route.of(RouteType.ID, "hema-fresh"));
        byRegex = router.proxy(Greeter.class, Route.of(RouteType.REG, "hema-.*"));
        byRule = router.proxy(Greeter.class, Route.of(RouteType.RULE, "{\"merchant\":\"hema\",\"wareHouseId\":2001}"));
        invoker = router.invoker(Greeter.class);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public String direct() {
        return direct.greet(name);
    }

    @Benchmark
    public String routedDefault() {
        return byDefault.greet(name);
    }

    @Benchmark
    public String routedId() {
        return byId.greet(name);
    }

    @Benchmark
    public String routedRegex() {
        return byRegex.greet(name);
    }

    @Benchmark
    public String routedRule() {
        return byRule.greet(name);
    }

    @Benchmark
    public String invokerById() {
        return invoker.getService("hema-fresh").greet(name);
    }

    @Benchmark
    public String invokerByParams() {
        return invoker.getService(params).greet(name);
    }
}
