package io.nbf.bench;

import io.nbf.api.RouteType;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.registry.ServiceRegistry;
import io.nbf.modules.testspi.Greeter;
import io.nbf.dispatch.DirectDispatcher;
import io.nbf.route.Route;
import io.nbf.proxy.Router;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RULE and REG routes with 10, 1,000 and 10,000 installed and live bundles of one SPI.
 *
 * <p>{@code bundles - 1} filler bundles (see {@link BenchBundles#deployFillers}) {@code b-00000...} (attributes {@code merchant=m<i>},
 * {@code wareHouseId=<i>}) plus the target {@code hema-fresh} ({@code merchant=hema},
 * {@code wareHouseId=2001}); the target's id sorts after every filler, so a scan over ids visits all of
 * them.
 *
 * <ul>
 *   <li>{@link #routedRegex}, {@link #routedRule}: the routed call (no guard), the figure. Target: at
 *       10,000 bundles at most 1.5x the same benchmark at 10 bundles ({@code run.sh} group {@code scale}).</li>
 *   <li>{@link #selectRegex}, {@link #selectRule}: for reading the result, the route computation itself
 *       ({@link Route#select} on the registry snapshot), which a routed call repeats only once after each
 *       registry change. RULE uses the attribute index and should stay flat; REG scans ids
 *       ({@code run.sh} group {@code scale-select}, at 10 and 10,000 bundles only).</li>
 * </ul>
 * Setting up 10,000 bundles takes ~14 s (install, start, and a copy of the SPI's registry arrays per
 * bundle), so this class runs with one fork per benchmark and parameter.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class BundleCountBenchmark {

    @Param({"10", "1000", "10000"})
    public int bundles;

    private BundleEngine engine;
    private Path scratch;
    private ServiceRegistry registry;
    private Route regex;
    private Route rule;
    private Greeter byRegex;
    private Greeter byRule;
    private String name = "nbf";

    @Setup(Level.Trial)
    public void setUp() {
        scratch = BenchBundles.scratch("bench-count-");
        engine = BenchBundles.engine(scratch.resolve("work"));
        registry = engine.registry();
        BenchBundles.deployFillers(engine, scratch.resolve("jars"), bundles - 1);
        engine.deploy(BenchBundles.greeter("hema-fresh", "1.0", "merchant", "hema", "wareHouseId", "2001"));
        regex = Route.of(RouteType.REG, "hema-.*");
        rule = Route.of(RouteType.RULE, "{\"merchant\":\"hema\",\"wareHouseId\":2001}");
        Router router = new Router(registry, DirectDispatcher.INSTANCE);
        byRegex = router.proxy(Greeter.class, regex);
        byRule = router.proxy(Greeter.class, rule);
        BenchGuards.check(registry.snapshot().services(Greeter.class).size() == bundles, bundles + " live Greeters");
        BenchGuards.check("Hello x".equals(byRegex.greet("x")) && "Hello x".equals(byRule.greet("x")), "routes answer Hello x");
        BenchGuards.check("hema-fresh".equals(selectRegex().bundleId()) && "hema-fresh".equals(selectRule().bundleId()),
                "routes select hema-fresh");
    }

    /**
     * Deletes the JARs. The engine is not closed: uninstalling thousands of bundles one by one would add
     * seconds to every fork and measure nothing, and the fork ends anyway.
     */
    @TearDown(Level.Trial)
    public void tearDown() {
        BenchBundles.deleteTree(scratch);
    }

    /** The routed call on a REG route. */
    @Benchmark
    public String routedRegex() {
        return byRegex.greet(name);
    }

    /** The routed call on a RULE route. */
    @Benchmark
    public String routedRule() {
        return byRule.greet(name);
    }

    /** The REG route computed afresh on the current snapshot (what follows a registry change). */
    @Benchmark
    public ServiceEntry selectRegex() {
        return regex.select(registry.snapshot().services(Greeter.class));
    }

    /** The RULE route computed afresh on the current snapshot (what follows a registry change). */
    @Benchmark
    public ServiceEntry selectRule() {
        return rule.select(registry.snapshot().services(Greeter.class));
    }
}
