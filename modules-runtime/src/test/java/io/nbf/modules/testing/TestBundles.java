package io.nbf.modules.testing;

/** Bundle JARs the tests share. Each is compiled at test time from the sources below. */
public final class TestBundles {

    private TestBundles() {
    }

    /** A bundle whose Greeter answers {@code <greeting> <name>}; the class name is unique per id and version. */
    public static BundleJar greeter(String id, String version, String greeting) {
        String pkg = "b." + id.replaceAll("[^A-Za-z0-9]", "_") + ".v" + version.replaceAll("[^A-Za-z0-9]", "_");
        return BundleJar.bundle(id, version)
                .source(pkg + ".GreeterImpl", "package " + pkg + ";\n"
                        + "public class GreeterImpl implements io.nbf.modules.testspi.Greeter {\n"
                        + "  public String greet(String name) { return \"" + greeting + " \" + name; }\n"
                        + "}\n")
                .service("io.nbf.modules.testspi.Greeter", pkg + ".GreeterImpl");
    }

    /** A greeter bundle with an activator that records its hooks and whether the context class loader was the bundle's. */
    public static BundleJar recordingGreeter(String id, String version, String greeting) {
        String pkg = "b." + id.replaceAll("[^A-Za-z0-9]", "_") + ".v" + version.replaceAll("[^A-Za-z0-9]", "_");
        return greeter(id, version, greeting)
                .source(pkg + ".Hooks", "package " + pkg + ";\n"
                        + "import io.nbf.api.*; import io.nbf.modules.testspi.Recorder;\n"
                        + "public class Hooks implements BundleActivator {\n"
                        + "  private static String tccl() { return Thread.currentThread().getContextClassLoader() == Hooks.class.getClassLoader() ? \"bundle-tccl\" : \"other-tccl\"; }\n"
                        + "  public void start(BundleContext c) { Recorder.record(\"start \" + c.bundleId() + \" \" + c.version() + \" \" + tccl()); }\n"
                        + "  public void stop(BundleContext c) { Recorder.record(\"stop \" + c.bundleId() + \" \" + c.version() + \" \" + tccl()); }\n"
                        + "  public void refresh(BundleContext c) { Recorder.record(\"refresh \" + c.bundleId() + \" \" + c.version() + \" \" + tccl()); }\n"
                        + "}\n")
                .activator(pkg + ".Hooks");
    }

    /**
     * A bundle whose Probe answers the given {@code case "question": return ...;} clauses, and
     * {@code load <class>} with {@code own} (a class of the bundle), {@code visible} (another loader's)
     * or the simple name and message of what was thrown.
     */
    public static BundleJar probe(String id, String version, String switchCases) {
        String pkg = "p." + id.replaceAll("[^A-Za-z0-9]", "_") + ".v" + version.replaceAll("[^A-Za-z0-9]", "_");
        return BundleJar.bundle(id, version)
                .source(pkg + ".ProbeImpl", "package " + pkg + ";\n"
                        + "public class ProbeImpl implements io.nbf.modules.testspi.Probe {\n"
                        + "  public String probe(String q) {\n"
                        + "    try {\n"
                        + "      switch (q) {\n" + switchCases + "\n"
                        + "        default:\n"
                        + "          if (q.startsWith(\"load \")) { Class<?> c = Class.forName(q.substring(5));\n"
                        + "            return c.getClassLoader() == getClass().getClassLoader() ? \"own\" : \"visible\"; }\n"
                        + "          return \"unknown question \" + q;\n"
                        + "      }\n"
                        + "    } catch (Throwable t) { return t.getClass().getSimpleName() + \": \" + t.getMessage(); }\n"
                        + "  }\n"
                        + "}\n")
                .service("io.nbf.modules.testspi.Probe", pkg + ".ProbeImpl");
    }
}
