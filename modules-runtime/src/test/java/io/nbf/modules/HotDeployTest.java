package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.BundleState;
import io.nbf.modules.deploy.DirectoryDeployer;
import io.nbf.modules.testing.BundleJar;
import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotDeployTest extends EngineTestSupport {

    @TempDir
    Path dir;

    private DirectoryDeployer deployer;

    @AfterEach
    void stopDeployer() {
        if (deployer != null) {
            deployer.close();
        }
    }

    private void startDeployer() {
        deployer = new DirectoryDeployer(engine, dir, Duration.ofMillis(50));
        deployer.start();
    }

    private Optional<String> liveVersion(String id) {
        return engine.liveVersion(id).map(BundleInfo::version);
    }

    @Test
    void startInstallsTheDirectoryAndTheHighestVersionOfEachIdGoesLive() {
        TestBundles.greeter("shop", "1.0", "v1").buildTo(dir.resolve("shop-1.jar"));
        TestBundles.greeter("shop", "2.0", "v2").buildTo(dir.resolve("a-shop-2.jar"));
        TestBundles.greeter("mall", "1.0", "mall").buildTo(dir.resolve("mall.jar"));
        startDeployer();
        assertThat(liveVersion("shop")).contains("2.0");
        assertThat(liveVersion("mall")).contains("1.0");
        assertThat(engine.bundles()).hasSize(3);
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v2 x");
    }

    @Test
    void newChangedAndDeletedFilesAreFollowed() throws IOException {
        startDeployer();
        Path shop = dir.resolve("shop.jar");

        TestBundles.greeter("shop", "1.0", "v1").buildTo(shop);
        await().atMost(Duration.ofSeconds(10)).until(() -> liveVersion("shop").isPresent());
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v1 x");

        TestBundles.greeter("shop", "2.0", "v2").buildTo(shop); // changed in place: a new version
        await().atMost(Duration.ofSeconds(10)).until(() -> liveVersion("shop").equals(Optional.of("2.0")));
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v2 x");
        assertThat(engine.rollback("shop").version()).as("the old version stayed loaded").isEqualTo("1.0");

        Files.delete(shop);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.bundles().isEmpty());
        assertThat(engine.registry().snapshot().services(io.nbf.modules.testspi.Greeter.class).isEmpty()).isTrue();
    }

    @Test
    void rejectedFilesAreReportedAndTheRunningVersionKeepsServing() throws IOException {
        Path shop = TestBundles.greeter("shop", "1.0", "v1").buildTo(dir.resolve("shop.jar"));
        startDeployer();
        assertThat(liveVersion("shop")).contains("1.0");

        Path corrupt = Files.write(dir.resolve("corrupt.jar"), "not a jar".getBytes());
        await().atMost(Duration.ofSeconds(10)).until(() -> deployer.failures().containsKey(corrupt));
        assertThat(deployer.failures().get(corrupt)).contains("corrupt.jar").contains("is not a readable JAR file");

        // the same file rewritten with the same version: rejected, v1 keeps serving
        TestBundles.greeter("shop", "1.0", "impostor").buildTo(shop);
        await().atMost(Duration.ofSeconds(10)).until(() -> deployer.failures().containsKey(shop));
        assertThat(deployer.failures().get(shop)).contains("bundle shop version 1.0 is already installed");
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("v1 x");

        Files.delete(corrupt);
        await().atMost(Duration.ofSeconds(10)).until(() -> !deployer.failures().containsKey(corrupt));
    }

    @Test
    void aFileBeingWrittenIsNotReadHalfDone() throws Exception {
        startDeployer();
        byte[] whole = Files.readAllBytes(TestBundles.greeter("slow", "1.0", "slow").build());
        Path target = dir.resolve("slow.jar");
        try (var out = Files.newOutputStream(target)) {
            for (int i = 0; i < whole.length; i += 64) {
                out.write(whole, i, Math.min(64, whole.length - i));
                out.flush();
                Thread.sleep(2);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> liveVersion("slow").isPresent());
        assertThat(deployer.failures()).doesNotContainKey(target);
    }

    /** A greeter whose start hook throws: deploying it leaves the version FAILED. */
    private static BundleJar failingGreeter(String id, String version) {
        String pkg = "f." + id + ".v" + version.replace('.', '_');
        return TestBundles.greeter(id, version, "failing")
                .source(pkg + ".Failing", "package " + pkg + ";\n"
                        + "public class Failing implements io.nbf.api.BundleActivator {\n"
                        + "  public void start(io.nbf.api.BundleContext c) { throw new IllegalStateException(\"no database\"); }\n"
                        + "  public void stop(io.nbf.api.BundleContext c) { }\n"
                        + "}\n")
                .activator(pkg + ".Failing");
    }

    private Optional<BundleState> state(String id, String version) {
        return engine.bundle(id, version).map(BundleInfo::state);
    }

    @Test
    void aDeletedFileIsUninstalledEvenWhenItsVersionFailed() throws IOException {
        startDeployer();
        Path shop = failingGreeter("shop", "1.0").buildTo(dir.resolve("shop.jar"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state("shop", "1.0").equals(Optional.of(BundleState.FAILED)));
        assertThat(deployer.failures().get(shop)).contains("no database");

        Files.delete(shop);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.bundles().isEmpty());
        assertThat(deployer.failures()).doesNotContainKey(shop);
    }

    @Test
    void aFixedFileWithTheSameIdAndVersionReplacesTheFailedVersion() {
        startDeployer();
        Path shop = failingGreeter("shop", "1.0").buildTo(dir.resolve("shop.jar"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state("shop", "1.0").equals(Optional.of(BundleState.FAILED)));

        TestBundles.greeter("shop", "1.0", "fixed").buildTo(shop);
        await().atMost(Duration.ofSeconds(10)).until(() -> liveVersion("shop").equals(Optional.of("1.0")));
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("fixed x");
        assertThat(engine.bundles()).hasSize(1);
        assertThat(deployer.failures()).doesNotContainKey(shop);
    }

    @Test
    void aFileRejectedForItsTwinDeploysWhenTheTwinsFileIsDeleted() throws IOException {
        Path first = TestBundles.greeter("shop", "1.0", "first").buildTo(dir.resolve("a-first.jar"));
        startDeployer();
        assertThat(liveVersion("shop")).contains("1.0");

        Path second = TestBundles.greeter("shop", "1.0", "second").buildTo(dir.resolve("b-second.jar"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deployer.failures().containsKey(second));
        assertThat(deployer.failures().get(second)).contains("NBF1505");

        Files.delete(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> !deployer.failures().containsKey(second)
                && liveVersion("shop").isPresent());
        assertThat(Calls.greet(engine.registry(), "shop", "x")).isEqualTo("second x");
        assertThat(engine.bundles()).extracting(BundleInfo::source).containsExactly(second);
    }

    @Test
    void upperCaseNamesAndSymlinksAreDeployedHiddenFilesAreNot(@TempDir Path elsewhere) throws Exception {
        startDeployer();
        TestBundles.greeter("upper", "1.0", "upper").buildTo(dir.resolve("UPPER.JAR"));
        Path target = TestBundles.greeter("linked", "1.0", "linked").buildTo(elsewhere.resolve("linked.jar"));
        Path link = Files.createSymbolicLink(dir.resolve("link.jar"), target);
        TestBundles.greeter("hidden", "1.0", "hidden").buildTo(dir.resolve(".hidden.jar"));
        await().atMost(Duration.ofSeconds(10)).until(() -> liveVersion("upper").isPresent() && liveVersion("linked").isPresent());
        assertThat(engine.liveVersion("linked").map(BundleInfo::source)).as("deployed from the link's path").contains(link);
        Thread.sleep(300); // several scans
        assertThat(liveVersion("hidden")).isEmpty();

        Files.delete(link);
        await().atMost(Duration.ofSeconds(10)).until(() -> liveVersion("linked").isEmpty());
        assertThat(target).exists();
    }

    @Test
    void aScanThatMeetsAnErrorLogsItAndGoesOn() {
        BundleManager failing = (BundleManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("deploy") && args[0].toString().endsWith("bad.jar")) {
                        throw new StackOverflowError("simulated");
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        deployer = new DirectoryDeployer(failing, dir, Duration.ofMillis(50));
        deployer.start();
        Path bad = TestBundles.greeter("bad", "1.0", "bad").buildTo(dir.resolve("bad.jar"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deployer.failures().containsKey(bad));
        assertThat(deployer.failures().get(bad)).contains("StackOverflowError").contains("simulated");

        TestBundles.greeter("good", "1.0", "good").buildTo(dir.resolve("good.jar"));
        await().atMost(Duration.ofSeconds(10)).until(() -> liveVersion("good").isPresent());
    }

    @Test
    void closeLeavesNoThreadBehind() {
        startDeployer();
        deployer.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("nbf deploy"));
    }
}
