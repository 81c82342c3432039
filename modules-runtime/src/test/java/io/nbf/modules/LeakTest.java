package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbf.modules.leak.LeakReport;
import io.nbf.modules.leak.LeakScanner;
import io.nbf.modules.testing.BundleJar;
import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import io.nbf.modules.testspi.Greeter;
import io.nbf.modules.testspi.HostThreads;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An uninstalled bundle's class loader is really collected, and what would keep it alive is handled or reported. */
class LeakTest extends EngineTestSupport {

    @AfterEach
    void stopHostWorkers() throws InterruptedException {
        HostThreads.stopAll();
    }

    private ClassLoader liveLoader(Class<?> spi, String id) {
        return engine.registry().snapshot().services(spi).byBundleId(id).classLoader();
    }

    private static boolean collected(List<WeakReference<ClassLoader>> refs) {
        System.gc();
        return refs.stream().allMatch(r -> r.get() == null);
    }

    @Test
    void fiftyInstallUninstallCyclesLeaveEveryClassLoaderCollectable() {
        Path jar = TestBundles.recordingGreeter("cycle", "1.0", "Hi").build();
        List<WeakReference<ClassLoader>> refs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            engine.install(jar);
            engine.start("cycle", "1.0");
            for (int c = 0; c < 20; c++) {
                assertThat(Calls.greet(engine.registry(), "cycle", "n" + c)).isEqualTo("Hi n" + c);
            }
            refs.add(new WeakReference<>(liveLoader(Greeter.class, "cycle")));
            engine.uninstall("cycle", "1.0");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> collected(refs));
        assertThat(engine.unreclaimedBundles()).isEmpty();
        assertThat(engine.leakReports()).isEmpty();
    }

    @Test
    void aThreadLocalValueLeftOnAHostThreadIsClearedAndTheLoaderCollected() {
        engine.deploy(BundleJar.bundle("tl", "1.0")
                .source("tl.ProbeImpl", "package tl; public class ProbeImpl implements io.nbf.modules.testspi.Probe {\n"
                        + " static final ThreadLocal<Object> CACHE = new ThreadLocal<>();\n"
                        + " public static class Payload { }\n"
                        + " public String probe(String q) { CACHE.set(new Payload()); return \"cached\"; } }")
                .service("io.nbf.modules.testspi.Probe", "tl.ProbeImpl").build());
        assertThat(Calls.probe(engine.registry(), "tl", "go")).isEqualTo("cached"); // on this, a host thread
        List<WeakReference<ClassLoader>> refs = List.of(new WeakReference<>(liveLoader(io.nbf.modules.testspi.Probe.class, "tl")));

        engine.uninstall("tl", "1.0");

        assertThat(LeakScanner.deepScanAvailable()).as("surefire opens java.lang for this test").isTrue();
        assertThat(engine.leakReports()).singleElement().extracting(LeakReport::findings, InstanceOfAssertFactories.list(String.class))
                .anySatisfy(f -> assertThat(f).contains("held a ThreadLocal value of tl.ProbeImpl$Payload from the bundle; cleared"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> collected(refs));
    }

    @Test
    void aHostThreadThatInheritedTheBundlesContextLoaderIsReset() {
        engine.deploy(TestBundles.probe("spawner", "1.0",
                "case \"spawn\": return io.nbf.modules.testspi.HostThreads.startHostWorker(\"host-worker-1\");\n").build());
        assertThat(Calls.probe(engine.registry(), "spawner", "spawn")).isEqualTo("host-worker-1");
        List<WeakReference<ClassLoader>> refs = List.of(new WeakReference<>(liveLoader(io.nbf.modules.testspi.Probe.class, "spawner")));

        engine.uninstall("spawner", "1.0");

        assertThat(engine.leakReports()).singleElement().extracting(LeakReport::findings, InstanceOfAssertFactories.list(String.class))
                .anySatisfy(f -> assertThat(f).contains("thread 'host-worker-1' had the bundle's context class loader; reset"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> collected(refs));
    }

    @Test
    void aThreadTheBundleStartedAndNeverStoppedIsReported() throws InterruptedException {
        engine.deploy(TestBundles.greeter("runaway", "1.0", "Hi")
                .source("runaway.Hooks", "package runaway; public class Hooks implements io.nbf.api.BundleActivator {\n"
                        + " public void start(io.nbf.api.BundleContext c) {\n"
                        + "  Thread t = new Thread(new Runnable() { public void run() { try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { } } }, \"runaway-poller\");\n"
                        + "  t.setDaemon(true); t.start(); } }")
                .activator("runaway.Hooks").build());

        engine.uninstall("runaway", "1.0");

        assertThat(engine.leakReports()).singleElement().extracting(LeakReport::findings, InstanceOfAssertFactories.list(String.class))
                .anySatisfy(f -> assertThat(f).contains("thread 'runaway-poller' started by the bundle still runs"));
        System.gc();
        assertThat(engine.unreclaimedBundles()).containsExactly("runaway:1.0"); // honestly reported as not collected
        stopThread("runaway-poller");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            System.gc();
            return engine.unreclaimedBundles().isEmpty();
        });
    }

    /** In its own frame, so no local variable of the test keeps the thread reachable. */
    private static void stopThread(String name) throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                t.interrupt();
                t.join(5000);
            }
        }
    }

    @Test
    void aShutdownHookOfTheBundleIsRemoved() {
        engine.deploy(TestBundles.greeter("hooked", "1.0", "Hi")
                .source("hooked.Hooks", "package hooked; public class Hooks implements io.nbf.api.BundleActivator {\n"
                        + " public void start(io.nbf.api.BundleContext c) {\n"
                        + "  Runtime.getRuntime().addShutdownHook(new Thread(\"hooked-cleanup\") { public void run() { } }); } }")
                .activator("hooked.Hooks").build());
        List<WeakReference<ClassLoader>> refs = List.of(new WeakReference<>(liveLoader(Greeter.class, "hooked")));

        engine.uninstall("hooked", "1.0");

        assertThat(engine.leakReports()).singleElement().extracting(LeakReport::findings, InstanceOfAssertFactories.list(String.class))
                .anySatisfy(f -> assertThat(f).contains("shutdown hook 'hooked-cleanup' of the bundle was removed"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> collected(refs));
    }
}
