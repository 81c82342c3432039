package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.InvalidBundleException;
import io.nbf.modules.deploy.DirectoryDeployer;
import io.nbf.modules.testing.TestBundles;
import io.nbf.modules.testing.ZipBomb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries that inflate to 200 MiB ("zip bombs", ~200 KiB on disk). Runs in a JVM with a 64 MiB heap (the
 * small-heap surefire execution): without the limits, reading one would throw OutOfMemoryError.
 */
@Tag("small-heap")
class BoundedReadTest extends EngineTestSupport {

    @TempDir
    Path tmp;

    private Path work() {
        return tmp.resolve("work");
    }

    @Override
    protected EngineConfig.Builder config() {
        return super.config().workDirectory(work());
    }

    private Path bomb(String entry, long declaredSize) throws IOException {
        Path jar = ZipBomb.write(TestBundles.greeter("bomb", "1.0", "boom").build(), tmp.resolve("bomb.jar"), entry,
                ZipBomb.SIZE, declaredSize);
        assertThat(Files.size(jar)).as("small on disk").isLessThan(2L * 1024 * 1024);
        return jar;
    }

    private void assertNothingStaged() throws IOException {
        try (Stream<Path> files = Files.list(work())) {
            assertThat(files).as("staged copies left in the work directory").isEmpty();
        }
        assertThat(engine.bundles()).isEmpty();
    }

    @Test
    void aDescriptorThatInflatesToHundredsOfMegabytesIsRejectedAndNothingIsStaged() throws IOException {
        Path jar = bomb("META-INF/nbf-bundle.properties", -1);
        try {
            assertThatThrownBy(() -> engine.install(jar))
                    .isInstanceOf(InvalidBundleException.class)
                    .hasMessageContaining("bomb.jar")
                    .hasMessageContaining("NBF1507: entry META-INF/nbf-bundle.properties of 209715200 bytes is larger than the 65536 bytes nbf reads");
            assertNothingStaged();
        } finally {
            Files.delete(jar);
        }
    }

    @Test
    void aServiceFileThatLiesAboutItsSizeIsStoppedWhileReading() throws IOException {
        Path jar = bomb("META-INF/services/io.nbf.modules.testspi.Greeter", 100);
        try {
            assertThatThrownBy(() -> engine.install(jar))
                    .isInstanceOf(InvalidBundleException.class)
                    .hasMessageContaining("bomb.jar")
                    .hasMessageContaining("NBF1507: entry META-INF/services/io.nbf.modules.testspi.Greeter of more than 65536 bytes"
                            + " is larger than the 65536 bytes nbf reads");
            assertNothingStaged();
        } finally {
            Files.delete(jar);
        }
    }

    @Test
    void aDescriptorThatLiesAboutItsSizeIsStoppedWhileReading() throws IOException {
        Path jar = bomb("META-INF/nbf-bundle.properties", 10);
        try {
            assertThatThrownBy(() -> engine.install(jar))
                    .isInstanceOf(InvalidBundleException.class)
                    .hasMessageContaining("NBF1507: entry META-INF/nbf-bundle.properties of more than 65536 bytes");
            assertNothingStaged();
        } finally {
            Files.delete(jar);
        }
    }

    @Test
    void aManifestBombIsRejectedBeforeTheJdkOrJBossModulesReadIt() throws IOException {
        Path jar = bomb("META-INF/MANIFEST.MF", 20);
        try {
            assertThatThrownBy(() -> engine.install(jar))
                    .isInstanceOf(InvalidBundleException.class)
                    .hasMessageContaining("NBF1507: entry META-INF/MANIFEST.MF of more than 65536 bytes");
            assertNothingStaged();
        } finally {
            Files.delete(jar);
        }
    }

    @Test
    void aBombInTheBundleDirectoryIsReportedAndALaterJarStillDeploys() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bundles"));
        Path source = bomb("META-INF/services/io.nbf.modules.testspi.Greeter", 100);
        try (DirectoryDeployer deployer = new DirectoryDeployer(engine, dir, Duration.ofMillis(50))) {
            deployer.start();
            Path dropped = Files.move(source, dir.resolve("bomb.jar"));
            await().atMost(Duration.ofSeconds(20)).until(() -> deployer.failures().containsKey(dropped));
            assertThat(deployer.failures().get(dropped)).contains("NBF1507");
            Files.delete(dropped);

            TestBundles.greeter("later", "1.0", "later").buildTo(dir.resolve("later.jar"));
            await().atMost(Duration.ofSeconds(20)).until(() -> engine.liveVersion("later").map(BundleInfo::version).isPresent());
        }
    }

    @Test
    void aJarWithTooManyEntriesIsRejected() throws IOException {
        Path jar = tmp.resolve("many.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
                ZipInputStream in = new ZipInputStream(Files.newInputStream(TestBundles.greeter("many", "1.0", "many").build()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            for (int i = 0; i <= 65_536; i++) {
                out.putNextEntry(new ZipEntry("r/" + i));
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> engine.install(jar))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("many.jar")
                .hasMessageContaining("NBF1508: has more than 65536 entries, the most nbf reads");
        assertNothingStaged();
    }
}
