package io.nbf.cdi;

import io.nbf.cdi.testing.NbfWeld;
import io.nbf.modules.testing.BundleJar;
import io.nbf.modules.testspi.Recorder;
import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.spi.Signals;
import java.nio.file.Path;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle directory per test, and a Weld container shut down after it. Configuration goes through the
 * TCK's {@link TckConfigSource} (back to its defaults before and after each test), the controlled bundles
 * through the TCK's {@link Signals}: one set of fixtures for the TCK and these tests.
 */
abstract class CdiTestSupport {

    /** The exports of a host whose bundles name the test SPIs but which injects none of them. */
    static final String TEST_SPI_EXPORTS = "io.nbf.tck.spi, io.nbf.modules.testspi";

    @TempDir
    Path bundles;

    WeldContainer container;

    @BeforeEach
    void clean() {
        TckConfigSource.reset();
        Signals.reset();
        Recorder.clear();
    }

    @AfterEach
    void shutdown() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
        TckConfigSource.reset();
    }

    /** Puts a bundle JAR in the bundle directory. */
    Path drop(BundleJar bundle, String fileName) {
        return bundle.buildTo(bundles.resolve(fileName));
    }

    WeldContainer start(Class<?>... beans) {
        container = NbfWeld.start(bundles, beans);
        return container;
    }

    /**
     * Starts with the test SPI package in {@code nbf.exports}: needed where no bean injects the SPI with
     * {@code @DynamicInject} (then nbf cannot know the package is an SPI package), e.g. broker-only use.
     */
    WeldContainer startExportingTestSpis(Class<?>... beans) {
        TckConfigSource.set("nbf.exports", TEST_SPI_EXPORTS);
        container = NbfWeld.weld(bundles, beans).initialize();
        return container;
    }

    /**
     * Starts a guarded host: nbf with SmallRye Fault Tolerance (and Metrics if asked), the test SPI
     * package exported, bundles from the bundle directory.
     */
    WeldContainer startGuarded(boolean metrics, Class<?>... beans) {
        TckConfigSource.set("nbf.exports", TEST_SPI_EXPORTS);
        container = NbfWeld.weldGuarded(bundles, metrics, beans).initialize();
        return container;
    }

    <T> T bean(Class<T> type) {
        return container.select(type).get();
    }
}
