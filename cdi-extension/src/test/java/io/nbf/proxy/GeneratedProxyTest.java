package io.nbf.proxy;

import io.nbf.dispatch.DirectDispatcher;
import io.nbf.route.Route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.ServiceNotFoundException;
import io.nbf.cdi.testspi.Kitchen;
import io.nbf.config.GuardSettings;
import io.nbf.guard.GuardedDispatcher;
import io.nbf.modules.BundleEngine;
import io.nbf.modules.EngineConfig;
import io.nbf.modules.testing.BundleJar;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated routing proxies: every signature shape, on the plain path (direct invokeinterface) and on
 * the dispatcher's path (boxed arguments, unboxed results), exceptions passing through unchanged.
 */
class GeneratedProxyTest {

    private static final String IMPL = "package k;\n"
            + "public class K implements io.nbf.cdi.testspi.Kitchen {\n"
            + " final String me = \"%s\";\n"
            + " public void noop() { }\n"
            + " public int add(int a, int b) { return a + b; }\n"
            + " public long mix(long a, double b, float c, short d, byte e, char f, boolean g) { return a + (long) b + (long) c + d + e + f + (g ? 1000 : 0); }\n"
            + " public double half(double d) { return d / 2; }\n"
            + " public String[] split(String s) { return s.split(\",\"); }\n"
            + " public int[] squares(int[] in) { int[] o = new int[in.length]; for (int i = 0; i < in.length; i++) o[i] = in[i] * in[i]; return o; }\n"
            + " public java.util.List<String> list(String... items) { return java.util.List.of(items); }\n"
            + " public boolean isOpen() { return true; }\n"
            + " public char initial(String s) { return s.charAt(0); }\n"
            + " public String risky(String s) throws java.io.IOException { if (s.equals(\"boom\")) throw new java.io.IOException(me + \" boom\"); return me + \" \" + s; }\n"
            + " public Object fetch(String item) { return me + \":\" + item; }\n"
            + " public String greeting() { return \"overridden by \" + me; }\n"
            + "}\n";

    private BundleEngine engine;

    @BeforeEach
    void bundles() {
        engine = new BundleEngine(EngineConfig.builder().hostClassLoader(getClass().getClassLoader())
                .export("io.nbf.cdi.testspi").build());
        for (String id : new String[] {"main", "fallback"}) {
            engine.deploy(BundleJar.bundle(id, "1.0").source("k.K", String.format(IMPL, id))
                    .service(Kitchen.class.getName(), "k.K").build());
        }
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static void exercise(Kitchen k, String served) throws IOException {
        k.noop();
        assertThat(k.add(2, 3)).isEqualTo(5);
        assertThat(k.mix(1L, 2.9, 3.5f, (short) 4, (byte) 5, 'A', true)).isEqualTo(1 + 2 + 3 + 4 + 5 + 65 + 1000);
        assertThat(k.half(5.0)).isEqualTo(2.5);
        assertThat(k.split("a,b")).containsExactly("a", "b");
        assertThat(k.squares(new int[] {2, 3})).containsExactly(4, 9);
        assertThat(k.list("x", "y")).isEqualTo(List.of("x", "y"));
        assertThat(k.isOpen()).isTrue();
        assertThat(k.initial("nbf")).isEqualTo('n');
        assertThat(k.risky("ok")).isEqualTo(served + " ok");
        assertThat(k.fetch("salt")).as("a super-interface method").isEqualTo(served + ":salt");
        assertThat(k.greeting()).as("a default method, overridden by the bundle").isEqualTo("overridden by " + served);
        assertThatThrownBy(() -> k.risky("boom")).as("checked exceptions pass unchanged")
                .isExactlyInstanceOf(IOException.class).hasMessage(served + " boom");
    }

    @Test
    void thePlainPathCallsTheBundleDirectly() throws IOException {
        Router router = new Router(engine.registry(), DirectDispatcher.INSTANCE);
        Kitchen k = router.proxy(Kitchen.class, Route.id("main"));
        assertThat(k).isInstanceOf(GeneratedProxy.class);
        assertThat(k.getClass().getName()).startsWith("io.nbf.proxy.generated.Kitchen$NbfProxy");
        exercise(k, "main");
        assertThat(k.toString()).isEqualTo("nbf routing proxy of io.nbf.cdi.testspi.Kitchen on route ID main");
        assertThat(k).isEqualTo(k).isNotEqualTo(router.proxy(Kitchen.class, Route.id("fallback")));
    }

    @Test
    void theDispatcherPathBoxesArgumentsAndUnboxesResults() throws IOException {
        GuardedDispatcher guards = new GuardedDispatcher(engine.registry(), getClass().getClassLoader());
        Router router = new Router(engine.registry(), guards);
        Kitchen k = router.proxy(Kitchen.class, Route.id("main"));
        // mock force sends every call through the dispatcher, to the "fallback" bundle
        guards.configure(Map.of(Kitchen.class.getName(), GuardSettings.read(key -> key.equals("mock")
                ? new String[] {"nbf.guard.mock", "force:fallback"} : null)), Map.of(), io.nbf.config.ObservationSettings.OFF);
        exercise(k, "fallback");
        guards.configure(Map.of(), Map.of(), io.nbf.config.ObservationSettings.OFF);
        exercise(k, "main");
    }

    @Test
    void aMissingBundleRaisesNotFoundThroughTheDispatcher() {
        Router router = new Router(engine.registry(), DirectDispatcher.INSTANCE);
        Kitchen k = router.proxy(Kitchen.class, Route.id("nobody"));
        assertThatThrownBy(() -> k.add(1, 2)).isInstanceOf(ServiceNotFoundException.class).hasMessageContaining("route ID nobody");
        assertThatThrownBy(k::noop).isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void theContextClassLoaderIsTheBundlesDuringTheCallAndRestoredAfter() {
        engine.deploy(BundleJar.bundle("tccl", "1.0").source("t.T", "package t;\n"
                + "public class T implements io.nbf.cdi.testspi.Kitchen {\n"
                + " public void noop() { } public int add(int a, int b) { return Thread.currentThread().getContextClassLoader() == T.class.getClassLoader() ? 1 : 0; }\n"
                + " public long mix(long a, double b, float c, short d, byte e, char f, boolean g) { return 0; } public double half(double d) { return 0; }\n"
                + " public String[] split(String s) { return null; } public int[] squares(int[] in) { return null; }\n"
                + " public java.util.List<String> list(String... items) { return null; } public boolean isOpen() { return false; }\n"
                + " public char initial(String s) { return 'x'; } public String risky(String s) { return s; } public Object fetch(String i) { return i; } }")
                .service(Kitchen.class.getName(), "t.T").build());
        Kitchen k = new Router(engine.registry(), DirectDispatcher.INSTANCE).proxy(Kitchen.class, Route.id("tccl"));
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        assertThat(k.add(0, 0)).isEqualTo(1);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void aNonPublicSpiFallsBackToAJdkProxy() {
        Router router = new Router(engine.registry(), DirectDispatcher.INSTANCE);
        Hidden h = router.proxy(Hidden.class, Route.DEFAULT);
        assertThat(h).isNotInstanceOf(GeneratedProxy.class);
        assertThatThrownBy(h::run).isInstanceOf(ServiceNotFoundException.class);
    }

    interface Hidden {
        void run();
    }
}
