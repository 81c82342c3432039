package io.nbf.bench;

import io.nbf.modules.BundleEngine;
import io.nbf.modules.EngineConfig;
import io.nbf.modules.testing.BundleJar;
import java.nio.file.Path;

/** Bundles and engines for benchmarks; bundle JARs are compiled at setup, as in the tests. */
final class BenchBundles {

    static final String GREETER = "io.nbf.modules.testspi.Greeter";

    private BenchBundles() {
    }

    static BundleEngine engine() {
        return new BundleEngine(EngineConfig.builder()
                .hostClassLoader(BenchBundles.class.getClassLoader())
                .export("io.nbf.modules.testspi")
                .retainedVersions(1)
                .build());
    }

    /** A Greeter that answers "Hello " + name, the same work as {@link DirectGreeter}. */
    static BundleJar greeter(String id, String version, String... attributes) {
        String pkg = "bench." + id.replaceAll("[^A-Za-z0-9]", "_") + ".v" + version.replaceAll("[^A-Za-z0-9]", "_");
        BundleJar b = BundleJar.bundle(id, version)
                .source(pkg + ".G", "package " + pkg + "; public class G implements io.nbf.modules.testspi.Greeter {\n"
                        + " public String greet(String name) { return \"Hello \" + name; } }")
                .service(GREETER, pkg + ".G");
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            b.attribute(attributes[i], attributes[i + 1]);
        }
        return b;
    }

    static Path build(BundleJar jar) {
        return jar.build();
    }
}
