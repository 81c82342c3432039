package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {

    @Test
    void installsStartsAndCalls() {
        Path jar = TestBundles.greeter("hello", "1.0.0", "Hello").build();
        try (BundleEngine engine = new BundleEngine(EngineConfig.builder().export("io.nbf.modules.testspi").build())) {
            engine.install(jar);
            engine.start("hello", "1.0.0");
            assertThat(Calls.greet(engine.registry(), "hello", "nbf")).isEqualTo("Hello nbf");
        }
    }
}
