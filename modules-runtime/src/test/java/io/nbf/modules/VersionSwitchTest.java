package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.BundleFailureException;
import io.nbf.api.management.BundleEvent;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleState;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import io.nbf.modules.testspi.Gate;
import io.nbf.modules.testspi.Greeter;
import io.nbf.modules.testspi.Recorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionSwitchTest extends EngineTestSupport {

    @TempDir
    Path dir;

    private ServiceEntry liveEntry(String id) {
        return engine.registry().snapshot().services(Greeter.class).byBundleId(id);
    }

    @Test
    void secondVersionInstallsBesideTheFirstAndSwitchesInOneStep() {
        List<BundleEvent> events = new CopyOnWriteArrayList<>();
        engine.install(TestBundles.greeter("shop", "1.0", "v1").build());
        engine.start("shop", "1.0");
        engine.install(TestBundles.greeter("shop", "2.0", "v2").build());
        BundleInfo v2 = engine.start("shop", "2.0");
        assertThat(v2.state()).isEqualTo(BundleState.ACTIVE);
        assertThat(v2.live()).as("a second version waits for the switch").isFalse();
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v1 x");

        engine.addListener(events::add);
        assertThat(engine.switchTo("shop", "2.0").live()).isTrue();
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v2 x");
        assertThat(engine.bundle("shop", "1.0").orElseThrow().live()).isFalse();
        assertThat(engine.bundle("shop", "1.0").orElseThrow().state()).isEqualTo(BundleState.ACTIVE);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(BundleEvent.Type.SWITCHED);
            assertThat(e.bundle().version()).isEqualTo("2.0");
            assertThat(e.previous()).get().extracting(BundleInfo::version).isEqualTo("1.0");
        });
    }

    @Test
    void rollbackReturnsToThePreviousVersionWithoutReadingItsJarAgain() throws IOException {
        Path v1File = Files.copy(TestBundles.recordingGreeter("shop", "1.0", "v1").build(), dir.resolve("shop-1.jar"));
        engine.install(v1File);
        engine.start("shop", "1.0");
        ClassLoader v1Loader = liveEntry("shop").classLoader();
        Object v1Object = liveEntry("shop").instance();
        Files.delete(v1File); // nothing can read it again
        engine.deploy(TestBundles.recordingGreeter("shop", "2.0", "v2").build());
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v2 x");

        BundleInfo back = engine.rollback("shop");
        assertThat(back.version()).isEqualTo("1.0");
        assertThat(back.live()).isTrue();
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v1 x");
        assertThat(liveEntry("shop").classLoader()).isSameAs(v1Loader);
        assertThat(liveEntry("shop").instance()).isSameAs(v1Object);
        assertThat(Recorder.events()).containsExactly(
                "start shop 1.0 bundle-tccl", "start shop 2.0 bundle-tccl", "refresh shop 1.0 bundle-tccl");
    }

    @Test
    void repeatedRollbacksGoFurtherBack() {
        for (int v = 1; v <= 3; v++) {
            engine.deploy(TestBundles.greeter("shop", v + ".0", "v" + v).build());
        }
        assertThat(engine.rollback("shop").version()).isEqualTo("2.0");
        assertThat(engine.rollback("shop").version()).isEqualTo("1.0");
        assertThatThrownBy(() -> engine.rollback("shop")).isInstanceOf(IllegalStateException.class);
        assertThat(engine.switchTo("shop", "3.0").live()).isTrue(); // forward again, explicitly
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v3 x");
    }

    @Test
    void aFailingRefreshKeepsTheCurrentVersionServing() {
        engine.deploy(TestBundles.greeter("shop", "1.0", "v1")
                .source("shop.Hooks", "package shop; public class Hooks implements io.nbf.api.BundleActivator {\n"
                        + " public void refresh(io.nbf.api.BundleContext c) { throw new IllegalStateException(\"stale cache\"); } }")
                .activator("shop.Hooks").build());
        engine.deploy(TestBundles.greeter("shop", "2.0", "v2").build());
        assertThatThrownBy(() -> engine.rollback("shop")).isInstanceOf(BundleFailureException.class)
                .hasMessageContaining("refresh hook of bundle shop:1.0 failed").hasMessageContaining("stale cache");
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v2 x");
        assertThat(engine.liveVersion("shop").orElseThrow().version()).isEqualTo("2.0");
    }

    @Test
    void oldVersionsAreKeptUpToTheRetentionCount() {
        engine.close();
        engine = new BundleEngine(config().retainedVersions(1).build());
        for (int v = 1; v <= 4; v++) {
            engine.deploy(TestBundles.greeter("shop", v + ".0", "v" + v).build());
        }
        assertThat(engine.bundles()).extracting(BundleInfo::version).containsExactly("3.0", "4.0");
        assertThat(engine.rollback("shop").version()).isEqualTo("3.0");
        assertThatThrownBy(() -> engine.rollback("shop")).isInstanceOf(IllegalStateException.class);
        assertThat(engine.unreclaimedBundles()).allMatch(n -> n.startsWith("shop:"));
    }

    @Test
    void versionsNeverLiveDoNotCountAgainstRetention() {
        engine.close();
        engine = new BundleEngine(config().retainedVersions(0).build());
        engine.deploy(TestBundles.greeter("shop", "1.0", "v1").build());
        engine.install(TestBundles.greeter("shop", "2.0", "v2").build());
        engine.install(TestBundles.greeter("shop", "3.0", "v3").build());
        assertThat(engine.bundles()).extracting(BundleInfo::version).containsExactly("1.0", "2.0", "3.0");
        engine.switchTo("shop", "3.0");
        assertThat(engine.bundles()).extracting(BundleInfo::version).containsExactly("2.0", "3.0");
    }

    @Test
    void callsInFlightFinishOnTheOldVersionBeforeItStops() throws Exception {
        String gated = "case \"gated\": io.nbf.modules.testspi.Gate.pass(); return \"old\";\n";
        engine.deploy(TestBundles.probe("shop", "1.0", gated).build());
        Gate.close();
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> Calls.probe(engine.registry(), "shop", "gated"));
        assertThat(Gate.awaitEntered(5000)).isTrue();

        engine.deploy(TestBundles.probe("shop", "2.0", "case \"gated\": return \"new\";\n").build());
        assertThat(Calls.probe(engine.registry(), "shop", "gated")).isEqualTo("new"); // new calls: new version

        CompletableFuture<BundleInfo> uninstall = CompletableFuture.supplyAsync(() -> engine.uninstall("shop", "1.0"));
        Thread.sleep(300);
        assertThat(uninstall).as("the old version waits for its in-flight call").isNotDone();
        assertThat(engine.bundle("shop", "1.0").map(BundleInfo::state)).contains(BundleState.STOPPING);

        Gate.open();
        assertThat(inFlight.get(5, TimeUnit.SECONDS)).isEqualTo("old"); // finished where it started
        assertThat(uninstall.get(5, TimeUnit.SECONDS).state()).isEqualTo(BundleState.UNINSTALLED);
    }

    @Test
    void uninstallClosesTheJarAndDeletesTheCopy() throws IOException {
        Path work = dir.resolve("work");
        engine.close();
        engine = new BundleEngine(config().workDirectory(work).build());
        engine.deploy(TestBundles.greeter("shop", "1.0", "v1").build());
        List<Path> copies;
        try (Stream<Path> s = Files.list(work)) {
            copies = s.toList();
        }
        assertThat(copies).hasSize(1);
        assertThat(openFiles()).contains(copies.get(0).toRealPath().toString());

        String workPath = work.toRealPath().toString();
        engine.uninstall("shop", "1.0");
        assertThat(copies.get(0)).doesNotExist();
        assertThat(openFiles()).noneMatch(f -> f.startsWith(workPath));
    }

    /** The files this process holds open, from /proc (Linux). */
    private static List<String> openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    return "";
                }
            }).toList();
        }
    }
}
