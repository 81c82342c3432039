package io.nbf.modules;

import io.nbf.modules.testspi.Recorder;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Creates an engine that exports the test SPI package, and closes it after each test. */
abstract class EngineTestSupport {

    protected BundleEngine engine;

    protected EngineConfig.Builder config() {
        return EngineConfig.builder()
                .hostClassLoader(EngineTestSupport.class.getClassLoader())
                .export("io.nbf.modules.testspi")
                .hookTimeout(Duration.ofSeconds(5));
    }

    @BeforeEach
    void createEngine() {
        Recorder.clear();
        engine = new BundleEngine(config().build());
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }
}
