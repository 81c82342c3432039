package io.nbf.cdi.testing;

import io.nbf.modules.testing.BundleJar;
import io.nbf.modules.testing.TestBundles;

/** Bundles the CDI tests use, compiled at test time. */
public final class CdiBundles {

    private CdiBundles() {
    }

    /** A Greeter answering {@code <greeting> <name>}. */
    public static BundleJar greeter(String id, String version, String greeting) {
        return TestBundles.greeter(id, version, greeting);
    }

    /** A Greeter that injects a host bean (the TCK's {@link io.nbf.tck.spi.Clock}) and calls another bundle's Probe through @DynamicInject. */
    public static BundleJar composingGreeter(String id, String probeId) {
        return BundleJar.bundle(id, "1.0")
                .source("comp.G", "package comp;\n"
                        + "import io.nbf.api.DynamicInject; import jakarta.inject.Inject;\n"
                        + "public class G implements io.nbf.modules.testspi.Greeter {\n"
                        + "  @Inject io.nbf.tck.spi.Clock clock;\n"
                        + "  @DynamicInject(pattern = \"" + probeId + "\") io.nbf.modules.testspi.Probe probe;\n"
                        + "  public String greet(String n) { return n + \" at \" + clock.now() + \", \" + probe.probe(n); } }")
                .service("io.nbf.modules.testspi.Greeter", "comp.G");
    }

    /**
     * A Greeter answering {@code <id> <name>} whose behaviour the test sets through the TCK's
     * {@link io.nbf.tck.spi.Signals}: {@code ok}, {@code throw} (IllegalStateException), {@code business} (the
     * bundle's own OutOfStockException), {@code slow} (sleeps {@link io.nbf.tck.spi.Signals#delayMillis}).
     *
     * @param degradation the degradation bundle its descriptor declares, or {@code null}
     */
    public static BundleJar controlled(String id, String version, String degradation) {
        String pkg = "ctl." + id.replaceAll("[^A-Za-z0-9]", "_") + ".v" + version.replaceAll("[^A-Za-z0-9]", "_");
        BundleJar b = BundleJar.bundle(id, version)
                .source(pkg + ".OutOfStockException", "package " + pkg + "; public class OutOfStockException extends RuntimeException {\n"
                        + " public OutOfStockException(String m) { super(m); } }")
                .source(pkg + ".G", "package " + pkg + "; import io.nbf.tck.spi.Signals;\n"
                        + "public class G implements io.nbf.modules.testspi.Greeter {\n"
                        + " public String greet(String n) {\n"
                        + "  switch (Signals.modeOf(\"" + id + "\")) {\n"
                        + "   case \"throw\": throw new IllegalStateException(\"" + id + " failed\");\n"
                        + "   case \"business\": throw new OutOfStockException(\"" + id + " is out of stock\");\n"
                        + "   case \"slow\": try { Thread.sleep(Signals.delayMillis(\"" + id + "\")); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }\n"
                        + "   default: return \"" + id + " \" + n;\n"
                        + "  } } }")
                .service("io.nbf.modules.testspi.Greeter", pkg + ".G");
        if (degradation != null) {
            b.descriptor("degradation", degradation);
        }
        return b;
    }

    /** A Probe that answers {@code <id> probed <question>}. */
    public static BundleJar echoProbe(String id) {
        String pkg = "echo." + id.replaceAll("[^A-Za-z0-9]", "_");
        return BundleJar.bundle(id, "1.0")
                .source(pkg + ".P", "package " + pkg + "; public class P implements io.nbf.modules.testspi.Probe {\n"
                        + " public String probe(String q) { return \"" + id + " probed \" + q; } }")
                .service("io.nbf.modules.testspi.Probe", pkg + ".P");
    }
}
