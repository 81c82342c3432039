package io.nbf.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nbf.config.GuardSettings;
import io.nbf.dispatch.DirectDispatcher;
import io.nbf.guard.GuardedDispatcher;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.EngineConfig;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.testing.BundleJar;
import io.nbf.route.Route;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated proxies of {@link Shapes}: every kind of parameter and return type, exceptions and the context
 * class loader, on the plain path (the generated method calls the bundle itself) and on the dispatcher's
 * path (a mock {@code force:} sends every call through {@code slow}, boxing arguments and unboxing results).
 */
class ProxyShapesTest {

    private static final String IMPL = "package s;\n"
            + "import java.util.*;\n"
            + "public class S implements io.nbf.proxy.Shapes {\n"
            + " final String me = \"%s\";\n"
            + " String recorded;\n"
            + " Throwable last;\n"
            + " public String who() { return me; }\n"
            + " public String caller() { return StackWalker.getInstance().walk(f -> f.skip(1).findFirst()).get().getClassName(); }\n"
            + " public ClassLoader contextLoader() { return Thread.currentThread().getContextClassLoader(); }\n"
            + " public long sumLongs(long a, long b) { return a + b; }\n"
            + " public double scale(double d, float f) { return d * f; }\n"
            + " public float ratio(float a, float b) { return a / b; }\n"
            + " public int total(int[] values) { int t = 0; for (int v : values) t += v; return t; }\n"
            + " public String join(String[] parts) { return String.join(\"+\", parts); }\n"
            + " public long corner(long[][] grid) { long[] row = grid[grid.length - 1]; return row[row.length - 1]; }\n"
            + " public String concat(String... parts) { return parts.length + \":\" + String.join(\"\", parts); }\n"
            + " public long sum(int first, long... rest) { long s = first; for (long r : rest) s += r; return s; }\n"
            + " public void record(String value) { recorded = me + \":\" + value; }\n"
            + " public String recorded() { return recorded; }\n"
            + " public boolean positive(double d) { return d > 0; }\n"
            + " public char last(String s) { return s.charAt(s.length() - 1); }\n"
            + " public byte low(int i) { return (byte) i; }\n"
            + " public short twice(short s) { return (short) (s * 2); }\n"
            + " public long[] range(long from, int count) { long[] r = new long[count]; for (int i = 0; i < count; i++) r[i] = from + i; return r; }\n"
            + " public double[] halves(double... values) { double[] r = new double[values.length]; for (int i = 0; i < r.length; i++) r[i] = values[i] / 2; return r; }\n"
            + " public Map<String, List<Integer>> lengths(List<String> words) { Map<String, List<Integer>> m = new TreeMap<>();"
            + "   for (String w : words) m.computeIfAbsent(w.substring(0, 1), k -> new ArrayList<>()).add(w.length()); return m; }\n"
            + " public <T extends Comparable<T>> T max(List<T> items) { return Collections.max(items); }\n"
            + " public String fail(String kind) throws Exception {\n"
            + "  Throwable t = kind.equals(\"checked\") ? new java.io.IOException(me + \" checked\")"
            + "   : kind.equals(\"runtime\") ? new IllegalStateException(me + \" runtime\") : new Oops(me + \" error\");\n"
            + "  last = t;\n"
            + "  if (t instanceof Exception) throw (Exception) t;\n"
            + "  throw (Error) t;\n"
            + " }\n"
            + " public Throwable lastThrown() { return last; }\n"
            + "%2$s"
            + " public static class Oops extends Error { Oops(String m) { super(m); } }\n"
            + "}\n";

    /** The types of {@link Shapes#wide}'s parameters, repeating. */
    private static final String[] WIDE_TYPES = {"long", "double", "int", "long", "double", "float"};

    private BundleEngine engine;

    @BeforeEach
    void bundles() {
        engine = new BundleEngine(EngineConfig.builder().hostClassLoader(getClass().getClassLoader())
                .export("io.nbf.proxy").build());
        for (String id : new String[] {"main", "fallback"}) {
            engine.deploy(BundleJar.bundle(id, "1.0").source("s.S", String.format(IMPL, id, wideImpl()))
                    .service(Shapes.class.getName(), "s.S").build());
        }
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /**
     * @param path "plain": a DirectDispatcher, the generated method calls the bundle; "dispatcher": a
     *        GuardedDispatcher whose mock {@code force:fallback} takes every call to {@code slow}
     */
    private Shapes shapes(String path) {
        if (path.equals("plain")) {
            return new Router(engine.registry(), DirectDispatcher.INSTANCE).proxy(Shapes.class, Route.id("main"));
        }
        GuardedDispatcher guards = new GuardedDispatcher(engine.registry(), getClass().getClassLoader());
        Shapes s = new Router(engine.registry(), guards).proxy(Shapes.class, Route.id("main"));
        guards.configure(Map.of(Shapes.class.getName(), GuardSettings.read(key -> key.equals("mock")
                ? new String[] {"nbf.guard.mock", "force:fallback"} : null)), Map.of(), io.nbf.config.ObservationSettings.OFF);
        return s;
    }

    private static String served(String path) {
        return path.equals("plain") ? "main" : "fallback";
    }

    private ServiceEntry entry(String bundleId) {
        return engine.registry().snapshot().services(Shapes.class).byBundleId(bundleId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "dispatcher"})
    void everyKindOfParameterAndReturnTypePassesThrough(String path) {
        Shapes s = shapes(path);
        assertThat(s).isInstanceOf(GeneratedProxy.class);
        assertThat(s.getClass().getName()).startsWith(ProxyClassGenerator.PACKAGE + "Shapes$NbfProxy");
        assertThat(s.who()).isEqualTo(served(path));
        if (path.equals("plain")) {
            assertThat(s.caller()).as("the generated method calls the bundle itself").isEqualTo(s.getClass().getName());
        } else {
            assertThat(s.caller()).as("the dispatcher calls the bundle").doesNotStartWith(ProxyClassGenerator.PACKAGE);
        }
        assertThat(s.sumLongs(Long.MAX_VALUE - 5, 4)).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(s.scale(1.5, 4.0f)).isEqualTo(6.0);
        assertThat(s.ratio(1f, 4f)).isEqualTo(0.25f);
        assertThat(s.total(new int[] {1, 2, 3})).isEqualTo(6);
        assertThat(s.total(new int[0])).isZero();
        assertThat(s.join(new String[] {"a", "b", "c"})).isEqualTo("a+b+c");
        assertThat(s.corner(new long[][] {{1L}, {2L, Long.MIN_VALUE}})).isEqualTo(Long.MIN_VALUE);
        assertThat(s.concat()).isEqualTo("0:");
        assertThat(s.concat("x", "y", "z")).isEqualTo("3:xyz");
        assertThat(s.concat(new String[] {"p", "q"})).isEqualTo("2:pq");
        assertThat(s.sum(1)).isEqualTo(1);
        assertThat(s.sum(1, 2L, 3L, 1L << 40)).isEqualTo(6 + (1L << 40));
        s.record("v");
        assertThat(s.recorded()).as("a void method ran").isEqualTo(served(path) + ":v");
        assertThat(s.positive(0.5)).isTrue();
        assertThat(s.positive(-0.5)).isFalse();
        assertThat(s.last("nbf")).isEqualTo('f');
        assertThat(s.last("\u00e9\u4e2d")).isEqualTo('\u4e2d');
        assertThat(s.low(0x1ff)).isEqualTo((byte) -1);
        assertThat(s.twice((short) -300)).isEqualTo((short) -600);
        assertThat(s.range(Long.MAX_VALUE - 2, 3)).containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(s.halves(1.0, -3.0)).containsExactly(0.5, -1.5);
        Map<String, List<Integer>> lengths = s.lengths(List.of("apple", "avocado", "bean"));
        assertThat(lengths).isEqualTo(Map.of("a", List.of(5, 7), "b", List.of(4)));
        String max = s.max(List.of("pear", "plum", "apple"));
        assertThat(max).isEqualTo("plum");
        Integer maxInt = s.max(List.of(3, 9, 4));
        assertThat(maxInt).isEqualTo(9);
        assertThat(s.contextLoader()).as("the bundle's loader during the call").isSameAs(entry(served(path)).classLoader());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "dispatcher"})
    void whatTheBundleThrowsReachesTheCallerUnchangedAndTheContextLoaderIsRestored(String path) {
        Shapes s = shapes(path);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        ClassLoader marker = new ClassLoader(before) {
        };
        thread.setContextClassLoader(marker);
        try {
            for (String kind : new String[] {"checked", "runtime", "error"}) {
                Throwable thrown = catchThrowable(() -> s.fail(kind));
                assertThat(thrown).as(kind).isNotNull().isSameAs(s.lastThrown());
                assertThat(thread.getContextClassLoader()).as("restored after " + kind).isSameAs(marker);
                assertThat(entry(served(path)).inFlight()).as("the call left the entry").isZero();
            }
            assertThat(catchThrowable(() -> s.fail("checked"))).isExactlyInstanceOf(IOException.class)
                    .hasMessage(served(path) + " checked").hasNoCause();
            assertThat(catchThrowable(() -> s.fail("runtime"))).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage(served(path) + " runtime").hasNoCause();
            Throwable error = catchThrowable(() -> s.fail("error"));
            assertThat(error.getClass().getName()).isEqualTo("s.S$Oops");
            assertThat(error.getClass().getClassLoader()).isSameAs(entry(served(path)).classLoader());
            assertThat(error).hasMessage(served(path) + " error").hasNoCause();
            assertThat(s.contextLoader()).isSameAs(entry(served(path)).classLoader());
            assertThat(thread.getContextClassLoader()).isSameAs(marker);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "dispatcher"})
    void sixtyParametersMixingLongsAndDoubles(String path) {
        Shapes s = shapes(path);
        StringJoiner expected = new StringJoiner(",");
        for (int i = 0; i < 60; i++) {
            switch (i % 6) {
                case 0, 3 -> expected.add(String.valueOf(l(i)));
                case 1, 4 -> expected.add(String.valueOf(d(i)));
                case 2 -> expected.add(String.valueOf(i(i)));
                default -> expected.add(String.valueOf(f(i)));
            }
        }
        assertThat(s.wide(
                l(0), d(1), i(2), l(3), d(4), f(5),
                l(6), d(7), i(8), l(9), d(10), f(11),
                l(12), d(13), i(14), l(15), d(16), f(17),
                l(18), d(19), i(20), l(21), d(22), f(23),
                l(24), d(25), i(26), l(27), d(28), f(29),
                l(30), d(31), i(32), l(33), d(34), f(35),
                l(36), d(37), i(38), l(39), d(40), f(41),
                l(42), d(43), i(44), l(45), d(46), f(47),
                l(48), d(49), i(50), l(51), d(52), f(53),
                l(54), d(55), i(56), l(57), d(58), f(59))).isEqualTo(expected.toString());
    }

    /** The bundle's {@link Shapes#wide}: the parameters joined with commas. */
    private static String wideImpl() {
        StringJoiner params = new StringJoiner(", ");
        StringJoiner body = new StringJoiner(" + \",\" + ");
        for (int i = 0; i < 60; i++) {
            params.add(WIDE_TYPES[i % 6] + " p" + i);
            body.add("p" + i);
        }
        return " public String wide(" + params + ") { return \"\" + " + body + "; }\n";
    }

    private static long l(int i) {
        return i * 10_000_000_000L + i;
    }

    private static double d(int i) {
        return -i - 0.25;
    }

    private static int i(int i) {
        return i * 1000;
    }

    private static float f(int i) {
        return i + 0.5f;
    }
}
