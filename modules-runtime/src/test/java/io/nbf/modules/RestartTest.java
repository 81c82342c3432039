package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleState;
import io.nbf.modules.deploy.DirectoryDeployer;
import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import io.nbf.modules.testspi.Recorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment state: the operator's decisions survive closing the engine and deployer and starting anew. */
class RestartTest {

    @TempDir
    Path dir;

    @TempDir
    Path stateDir;

    private BundleEngine engine;
    private DirectoryDeployer deployer;

    @BeforeEach
    void clear() {
        Recorder.clear();
    }

    @AfterEach
    void close() {
        stop();
    }

    private void start() {
        engine = new BundleEngine(EngineConfig.builder()
                .hostClassLoader(RestartTest.class.getClassLoader())
                .export("io.nbf.modules.testspi")
                .hookTimeout(Duration.ofSeconds(5))
                .stateDirectory(stateDir)
                .build());
        deployer = new DirectoryDeployer(engine, dir, Duration.ofMillis(50));
        deployer.scanOnce();
    }

    private void stop() {
        if (deployer != null) {
            deployer.close();
            deployer = null;
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    private void restart() {
        stop();
        start();
    }

    private Optional<String> live(String id) {
        return engine.liveVersion(id).map(BundleInfo::version);
    }

    private void threeVersions() {
        TestBundles.greeter("shop", "1.0", "v1").buildTo(dir.resolve("shop-1.jar"));
        TestBundles.greeter("shop", "2.0", "v2").buildTo(dir.resolve("shop-2.jar"));
        TestBundles.greeter("shop", "3.0", "v3").buildTo(dir.resolve("shop-3.jar"));
    }

    @Test
    void aRollbackSurvivesARestartAndASecondRollbackGoesFurtherBack() throws IOException {
        threeVersions();
        start();
        assertThat(live("shop")).contains("3.0");
        engine.switchTo("shop", "1.0");
        engine.switchTo("shop", "2.0"); // history: 1.0, 3.0
        engine.switchTo("shop", "3.0"); // history: 2.0, 1.0
        assertThat(engine.rollback("shop").version()).isEqualTo("2.0");
        assertThat(Files.readAllLines(stateDir.resolve("deployment-state.properties")))
                .contains("format=1", "shop/live=2.0", "shop/history=1.0", "shop/known=1.0,2.0,3.0", "shop/stopped=");
        assertThat(stateDir.resolve("retained/shop/1.0.jar")).isRegularFile();

        restart();
        assertThat(live("shop")).as("the rolled-back version, not the highest").contains("2.0");
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v2 x");
        assertThat(engine.rollback("shop").version()).as("the second rollback goes further back").isEqualTo("1.0");

        restart();
        assertThat(live("shop")).contains("1.0");
        assertThatThrownBy(() -> engine.rollback("shop")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NBF1552");
    }

    @Test
    void aRetainedVersionWhoseJarLeftTheDirectoryIsRestoredFromItsCopy() throws IOException {
        TestBundles.greeter("shop", "1.0", "v1").buildTo(dir.resolve("shop-1.jar"));
        start();
        TestBundles.greeter("shop", "2.0", "v2").buildTo(dir.resolve("shop-2.jar"));
        engine.deploy(dir.resolve("shop-2.jar")); // 1.0 retained
        assertThat(Files.exists(stateDir.resolve("retained/shop/1.0.jar"))).isTrue();
        stop();
        Files.delete(dir.resolve("shop-1.jar"));

        start();
        assertThat(live("shop")).contains("2.0");
        assertThat(engine.rollback("shop").version()).isEqualTo("1.0");
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v1 x");
    }

    @Test
    void aStoppedBundleStaysStopped() {
        TestBundles.greeter("shop", "1.0", "v1").buildTo(dir.resolve("shop-1.jar"));
        TestBundles.greeter("mall", "1.0", "mall").buildTo(dir.resolve("mall.jar"));
        start();
        engine.stop("shop", "1.0");
        restart();
        assertThat(engine.bundle("shop", "1.0").orElseThrow().state()).isEqualTo(BundleState.INSTALLED);
        assertThat(live("shop")).isEmpty();
        assertThat(live("mall")).contains("1.0");
        engine.start("shop", "1.0"); // a new decision: started again, and so after the next restart
        restart();
        assertThat(live("shop")).contains("1.0");
    }

    @Test
    void anUninstalledVersionStaysUninstalledWhileItsFileIsUnchanged() {
        TestBundles.greeter("shop", "1.0", "v1").buildTo(dir.resolve("shop-1.jar"));
        TestBundles.greeter("shop", "2.0", "v2").buildTo(dir.resolve("shop-2.jar"));
        start();
        engine.uninstall("shop", "2.0");
        engine.switchTo("shop", "1.0");
        restart();
        assertThat(engine.bundle("shop", "2.0")).isEmpty();
        assertThat(live("shop")).contains("1.0");

        TestBundles.greeter("shop", "2.0", "v2 fixed").buildTo(dir.resolve("shop-2.jar")); // changed: a new decision
        restart();
        assertThat(engine.bundle("shop", "2.0")).isPresent();
    }

    @Test
    void aFileChangedToAnotherVersionAfterItsVersionWasUninstalledInstalls() throws IOException {
        Path shop = TestBundles.greeter("shop", "1.0", "v1").buildTo(dir.resolve("shop.jar"));
        start();
        engine.uninstall("shop", "1.0");
        TestBundles.greeter("shop", "2.0", "v2").buildTo(shop);
        Files.setLastModifiedTime(shop, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        engine.deploy(shop);
        restart();
        assertThat(live("shop")).contains("2.0");
    }

    @Test
    void aCorruptStateFileIsReportedAndTheDirectoryDefaultsApply() throws IOException {
        threeVersions();
        start();
        engine.switchTo("shop", "2.0");
        stop();
        Files.writeString(stateDir.resolve("deployment-state.properties"), "garbage\u0000{{{\nshop/live=not a version\n");

        start();
        assertThat(engine.stateProblem()).hasValueSatisfying(p -> assertThat(p).contains("NBF1450"));
        assertThat(live("shop")).contains("3.0");
        assertThat(engine.bundles()).hasSize(3);
    }

    @Test
    void aNewerJarDroppedWhileDownGoesLive() {
        threeVersions();
        start();
        engine.switchTo("shop", "2.0");
        assertThat(live("shop")).contains("2.0");
        stop();
        TestBundles.greeter("shop", "4.0", "v4").buildTo(dir.resolve("shop-4.jar"));

        start();
        assertThat(live("shop")).contains("4.0");
        assertThat(engine.rollback("shop").version()).as("back to the recorded live version").isEqualTo("2.0");
    }

    @Test
    void withoutAStateDirectoryNothingIsKept() {
        threeVersions();
        engine = new BundleEngine(EngineConfig.builder()
                .hostClassLoader(RestartTest.class.getClassLoader())
                .export("io.nbf.modules.testspi").build());
        deployer = new DirectoryDeployer(engine, dir, Duration.ofMillis(50));
        deployer.scanOnce();
        engine.switchTo("shop", "2.0");
        stop();
        engine = new BundleEngine(EngineConfig.builder()
                .hostClassLoader(RestartTest.class.getClassLoader())
                .export("io.nbf.modules.testspi").build());
        deployer = new DirectoryDeployer(engine, dir, Duration.ofMillis(50));
        deployer.scanOnce();
        assertThat(live("shop")).contains("3.0");
        assertThat(engine.stateProblem()).isEmpty();
    }
}
