package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbf.api.management.BundleInfo;
import io.nbf.modules.deploy.DirectoryDeployer;
import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import java.io.IOException;
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

    @Test
    void closeLeavesNoThreadBehind() {
        startDeployer();
        deployer.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("nbf deploy"));
    }
}
