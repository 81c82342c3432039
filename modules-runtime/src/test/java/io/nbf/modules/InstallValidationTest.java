package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.InvalidBundleException;
import io.nbf.modules.registry.RegistrySnapshot;
import io.nbf.modules.testing.BundleJar;
import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad bundle file is rejected at install with a message naming the file and the
 * problem, and nothing that was running changes.
 */
class InstallValidationTest extends EngineTestSupport {

    private static final String GREETER = "io.nbf.modules.testspi.Greeter";

    @TempDir
    Path dir;

    private RegistrySnapshot before;
    private List<BundleInfo> bundlesBefore;

    @BeforeEach
    void runningBundle() {
        engine.install(TestBundles.greeter("running", "1.0", "Hi").build());
        engine.start("running", "1.0");
        before = engine.registry().snapshot();
        bundlesBefore = engine.bundles();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Path jar, String... messageParts) {
        var thrown = assertThatThrownBy(() -> engine.install(jar))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining(jar.toAbsolutePath().normalize().toString());
        for (String part : messageParts) {
            thrown.hasMessageContaining(part);
        }
        // nothing changed: same registry snapshot, same bundles, the running one still answers
        assertThat(engine.registry().snapshot()).isSameAs(before);
        assertThat(engine.bundles()).extracting(BundleInfo::toString)
                .containsExactlyElementsOf(bundlesBefore.stream().map(BundleInfo::toString).toList());
        assertThat(Calls.greet(engine.registry(), "running", "you")).isEqualTo("Hi you");
        return thrown;
    }

    @Test
    void corruptFile() throws IOException {
        Path jar = Files.write(dir.resolve("corrupt.jar"), "this is not a zip file".getBytes());
        assertRejected(jar, "is not a readable JAR file");
    }

    @Test
    void truncatedJar() throws IOException {
        byte[] whole = Files.readAllBytes(TestBundles.greeter("cut", "1.0", "Hi").build());
        Path jar = Files.write(dir.resolve("truncated.jar"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRejected(jar, "is not a readable JAR file");
    }

    @Test
    void missingFile() {
        assertRejected(dir.resolve("nowhere.jar"), "does not exist");
    }

    @Test
    void directoryInsteadOfFile() throws IOException {
        assertRejected(Files.createDirectory(dir.resolve("folder.jar")), "is not a regular file");
    }

    @Test
    void missingDescriptor() {
        assertRejected(BundleJar.withoutDescriptor().build(), "no META-INF/nbf-bundle.properties");
    }

    @Test
    void missingId() {
        assertRejected(TestBundles.greeter("x", "1.0", "Hi").descriptor("id", null).build(), "'id' is missing or blank");
    }

    @Test
    void blankId() {
        assertRejected(TestBundles.greeter("x", "1.0", "Hi").descriptor("id", "   ").build(), "'id' is missing or blank");
    }

    @Test
    void invalidId() {
        assertRejected(TestBundles.greeter("x", "1.0", "Hi").descriptor("id", "has space").build(), "'id' value 'has space' is invalid");
    }

    @Test
    void missingVersion() {
        assertRejected(TestBundles.greeter("x", "1.0", "Hi").descriptor("version", null).build(), "'version'", "missing");
    }

    @Test
    void malformedVersion() {
        assertRejected(TestBundles.greeter("x", "1.0", "Hi").descriptor("version", "1.x.0").build(),
                "version '1.x.0' is malformed", "major[.minor[.micro]][-qualifier]");
    }

    @Test
    void unknownDescriptorKey() {
        assertRejected(TestBundles.greeter("x", "1.0", "Hi").descriptor("atribute.merchant", "hema").build(),
                "unknown key 'atribute.merchant'");
    }

    @Test
    void unknownJdkModule() {
        assertRejected(TestBundles.greeter("x", "1.0", "Hi").descriptor("jdk-modules", "java.sqlx").build(),
                "'jdk-modules' names 'java.sqlx'");
    }

    @Test
    void unknownHookClass() {
        assertRejected(TestBundles.greeter("x", "1.0", "Hi").activator("com.nowhere.Hooks").build(),
                "activator com.nowhere.Hooks, which is not in the bundle");
    }

    @Test
    void hookClassThatIsNoActivator() {
        Path jar = TestBundles.greeter("x", "1.0", "Hi")
                .source("x.NotHooks", "package x; public class NotHooks { }")
                .activator("x.NotHooks").build();
        assertRejected(jar, "activator x.NotHooks does not implement io.nbf.api.BundleActivator");
    }

    @Test
    void hookClassWithoutPublicConstructor() {
        Path jar = TestBundles.greeter("x", "1.0", "Hi")
                .source("x.Hooks", "package x; public class Hooks implements io.nbf.api.BundleActivator { Hooks(int a) { } }")
                .activator("x.Hooks").build();
        assertRejected(jar, "x.Hooks", "public no-argument constructor");
    }

    @Test
    void serviceEntryNamingMissingClass() {
        Path jar = BundleJar.bundle("x", "1.0").service(GREETER, "x.Missing").build();
        assertRejected(jar, "META-INF/services/" + GREETER + " names x.Missing, which is not in the bundle");
    }

    @Test
    void serviceEntryNotImplementingSpi() {
        Path jar = BundleJar.bundle("x", "1.0")
                .source("x.Impostor", "package x; public class Impostor { public String greet(String n) { return n; } }")
                .service(GREETER, "x.Impostor").build();
        assertRejected(jar, "names x.Impostor, which does not implement " + GREETER);
    }

    @Test
    void twoImplementationsOfOneSpi() {
        Path jar = BundleJar.bundle("x", "1.0")
                .source("x.A", "package x; public class A implements io.nbf.modules.testspi.Greeter { public String greet(String n) { return n; } }")
                .source("x.B", "package x; public class B implements io.nbf.modules.testspi.Greeter { public String greet(String n) { return n; } }")
                .service(GREETER, "x.A", "x.B").build();
        assertRejected(jar, "lists 2 implementations", "at most one implementation");
    }

    @Test
    void spiNotExportedByHost() {
        Path jar = BundleJar.bundle("x", "1.0")
                .source("x.Sneaky", "package x; public class Sneaky implements io.nbf.modules.hidden.HiddenSpi { public String run() { return \"\"; } }")
                .service("io.nbf.modules.hidden.HiddenSpi", "x.Sneaky").build();
        assertRejected(jar, "names SPI io.nbf.modules.hidden.HiddenSpi, which the host does not export to bundles",
                "export package io.nbf.modules.hidden");
    }

    @Test
    void spiNowhere() {
        Path jar = BundleJar.bundle("x", "1.0")
                .source("x.Impl", "package x; public class Impl { }")
                .service("com.nowhere.Spi", "x.Impl").build();
        assertRejected(jar, "names SPI com.nowhere.Spi, which is neither in the bundle nor exported by the host");
    }

    @Test
    void bundleCarryingItsOwnCopyOfAnExportedPackage() {
        Path jar = TestBundles.greeter("x", "1.0", "Hi")
                .source("io.nbf.modules.testspi.Extra", "package io.nbf.modules.testspi; public class Extra { }").build();
        assertRejected(jar, "contains classes of package io.nbf.modules.testspi, which the host exports", "<scope>provided</scope>");
    }

    @Test
    void duplicateIdAndVersion() {
        Path other = TestBundles.greeter("running", "1.0.0", "Another").build(); // 1.0.0 equals 1.0
        assertRejected(other, "bundle running version 1.0.0 is already installed", "give the new file another version");
    }

    @Test
    void bundlesOwnServiceFilesAreLeftAlone() {
        // A bundle may use ServiceLoader for its own interfaces and for JDK ones; those are not nbf services.
        Path jar = TestBundles.greeter("own", "1.0", "Hi")
                .source("own.Plugin", "package own; public interface Plugin { }")
                .source("own.PluginImpl", "package own; public class PluginImpl implements Plugin { }")
                .service("own.Plugin", "own.PluginImpl")
                .source("own.Shutdown", "package own; public class Shutdown implements Runnable { public void run() { } }")
                .service("java.lang.Runnable", "own.Shutdown")
                .build();
        BundleInfo info = engine.install(jar);
        assertThat(info.services()).containsExactly(GREETER);
    }
}
