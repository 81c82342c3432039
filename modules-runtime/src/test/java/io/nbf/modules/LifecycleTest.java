package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.BundleFailureException;
import io.nbf.api.management.BundleEvent;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleState;
import io.nbf.modules.testing.BundleJar;
import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import io.nbf.modules.testspi.Greeter;
import io.nbf.modules.testspi.Recorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LifecycleTest extends EngineTestSupport {

    private final List<BundleEvent> events = new CopyOnWriteArrayList<>();

    @Override
    protected EngineConfig.Builder config() {
        return super.config().hookTimeout(Duration.ofMillis(500));
    }

    private List<String> eventTexts() {
        return events.stream().map(BundleEvent::toString).toList();
    }

    @Test
    void installStartStopUninstallWithStatesEventsAndHooks() {
        engine.addListener(events::add);
        BundleInfo installed = engine.install(TestBundles.recordingGreeter("shop", "1.0", "Hi").build());
        assertThat(installed.state()).isEqualTo(BundleState.INSTALLED);
        assertThat(installed.live()).isFalse();
        assertThat(installed.services()).containsExactly(Greeter.class.getName());
        assertThat(engine.registry().snapshot().services(Greeter.class).isEmpty()).isTrue();

        BundleInfo started = engine.start("shop", "1.0");
        assertThat(started.state()).isEqualTo(BundleState.ACTIVE);
        assertThat(started.live()).isTrue();
        assertThat(Calls.greet(engine.registry(), "shop", "Ann")).isEqualTo("Hi Ann");
        assertThat(Recorder.events()).containsExactly("start shop 1.0 bundle-tccl");

        BundleInfo stopped = engine.stop("shop", "1.0");
        assertThat(stopped.state()).isEqualTo(BundleState.INSTALLED);
        assertThat(engine.registry().snapshot().services(Greeter.class).isEmpty()).isTrue();
        assertThat(engine.liveVersion("shop")).isEmpty();
        assertThat(Recorder.events()).containsExactly("start shop 1.0 bundle-tccl", "stop shop 1.0 bundle-tccl");

        engine.start("shop", "1.0"); // can start again, with fresh objects
        assertThat(Calls.greet(engine.registry(), "shop", "Bo")).isEqualTo("Hi Bo");

        BundleInfo gone = engine.uninstall("shop", "1.0");
        assertThat(gone.state()).isEqualTo(BundleState.UNINSTALLED);
        assertThat(engine.bundles()).isEmpty();
        assertThat(engine.registry().snapshot().services(Greeter.class).isEmpty()).isTrue();
        assertThat(eventTexts()).containsExactly(
                "INSTALLED shop 1.0", "STARTED shop 1.0", "SWITCHED shop 1.0", "STOPPED shop 1.0",
                "STARTED shop 1.0", "SWITCHED shop 1.0", "STOPPED shop 1.0", "UNINSTALLED shop 1.0");
    }

    @Test
    void managementNamesWhatIsMissing() {
        assertThatThrownBy(() -> engine.start("nobody", "1.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NBF1550: bundle nobody is not installed");
        engine.install(TestBundles.greeter("shop", "1.0", "Hi").build());
        assertThatThrownBy(() -> engine.switchTo("shop", "2.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NBF1551: bundle shop version 2.0 is not installed; installed versions: [1.0]");
        assertThatThrownBy(() -> engine.rollback("shop")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bundle shop has no earlier live version to roll back to");
        assertThatThrownBy(() -> engine.refresh("shop")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bundle shop has no live version to refresh");
    }

    @Test
    void aHookThatThrowsFailsOnlyItsBundle() {
        engine.install(TestBundles.greeter("healthy", "1.0", "Hi").build());
        engine.start("healthy", "1.0");
        Path broken = TestBundles.greeter("broken", "1.0", "Hi")
                .source("broken.Hooks", "package broken; public class Hooks implements io.nbf.api.BundleActivator {\n"
                        + " public void start(io.nbf.api.BundleContext c) { throw new IllegalStateException(\"no database\"); } }")
                .activator("broken.Hooks").build();
        engine.install(broken);
        engine.addListener(events::add);

        assertThatThrownBy(() -> engine.start("broken", "1.0"))
                .isInstanceOf(BundleFailureException.class)
                .hasMessageContaining("the start hook of bundle broken:1.0 failed")
                .hasMessageContaining("no database");
        BundleInfo info = engine.bundle("broken", "1.0").orElseThrow();
        assertThat(info.state()).isEqualTo(BundleState.FAILED);
        assertThat(info.live()).isFalse();
        assertThat(info.failure()).get().isInstanceOf(IllegalStateException.class)
                .extracting(Throwable::getMessage).isEqualTo("no database");
        assertThat(eventTexts()).containsExactly("FAILED broken 1.0");
        assertThat(engine.registry().snapshot().services(Greeter.class).byBundleId("broken")).isNull();
        assertThat(Calls.greet(engine.registry(), "healthy", "Ann")).isEqualTo("Hi Ann");
        assertThat(engine.bundle("healthy", "1.0").orElseThrow().state()).isEqualTo(BundleState.ACTIVE);

        engine.uninstall("broken", "1.0"); // a failed bundle can go
        assertThat(engine.bundle("broken", "1.0")).isEmpty();
    }

    @Test
    void aHookThatHangsIsCutOffAfterTheTimeout() {
        engine.install(TestBundles.greeter("healthy", "1.0", "Hi").build());
        engine.start("healthy", "1.0");
        Path hanging = TestBundles.greeter("hanging", "1.0", "Hi")
                .source("hanging.Hooks", "package hanging; public class Hooks implements io.nbf.api.BundleActivator {\n"
                        + " public void start(io.nbf.api.BundleContext c) throws Exception { Thread.sleep(60_000); } }")
                .activator("hanging.Hooks").build();
        engine.install(hanging);

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> engine.start("hanging", "1.0"))
                .isInstanceOf(BundleFailureException.class)
                .hasMessageContaining("the start hook of bundle hanging:1.0 did not finish within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(engine.bundle("hanging", "1.0").orElseThrow().state()).isEqualTo(BundleState.FAILED);
        assertThat(Calls.greet(engine.registry(), "healthy", "Ann")).isEqualTo("Hi Ann");
        // the interrupted hook thread ends; uninstall finds nothing of the bundle left running
        engine.uninstall("hanging", "1.0");
    }

    @Test
    void aStopHookThatThrowsStillStopsTheBundle() {
        Path jar = TestBundles.greeter("flaky", "1.0", "Hi")
                .source("flaky.Hooks", "package flaky; public class Hooks implements io.nbf.api.BundleActivator {\n"
                        + " public void stop(io.nbf.api.BundleContext c) { throw new IllegalStateException(\"stuck connection\"); } }")
                .activator("flaky.Hooks").build();
        engine.install(jar);
        engine.start("flaky", "1.0");
        BundleInfo info = engine.stop("flaky", "1.0");
        assertThat(info.state()).isEqualTo(BundleState.FAILED);
        assertThat(info.failure()).get().extracting(Throwable::getMessage).isEqualTo("stuck connection");
        assertThat(engine.registry().snapshot().services(Greeter.class).isEmpty()).isTrue();
        assertThat(engine.start("flaky", "1.0").state()).isEqualTo(BundleState.ACTIVE); // and can start again
    }

    @Test
    void constructorsRunOnTheHookThreadToo() {
        Path jar = BundleJar.bundle("ctor", "1.0")
                .source("ctor.G", "package ctor; public class G implements io.nbf.modules.testspi.Greeter {\n"
                        + " public G() { io.nbf.modules.testspi.Recorder.record(Thread.currentThread().getName() + \" \" + "
                        + "(Thread.currentThread().getContextClassLoader() == G.class.getClassLoader())); }\n"
                        + " public String greet(String n) { return n; } }")
                .service("io.nbf.modules.testspi.Greeter", "ctor.G").build();
        engine.install(jar);
        engine.start("ctor", "1.0");
        assertThat(Recorder.events()).containsExactly("nbf start ctor:1.0 true");
    }

    @Test
    void hostInjectorSeesEveryBundleObjectAndReleasesIt() {
        List<String> injected = new CopyOnWriteArrayList<>();
        engine.close();
        engine = new BundleEngine(config().injector((instance, context) -> {
            injected.add("inject " + instance.getClass().getSimpleName() + " into " + context.bundleId());
            return () -> injected.add("release " + instance.getClass().getSimpleName());
        }).build());
        engine.install(TestBundles.recordingGreeter("inj", "1.0", "Hi").build());
        engine.start("inj", "1.0");
        engine.stop("inj", "1.0");
        assertThat(injected).containsExactly("inject GreeterImpl into inj", "inject Hooks into inj",
                "release GreeterImpl", "release Hooks");
    }
}
