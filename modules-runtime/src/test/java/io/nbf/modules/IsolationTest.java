package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.modules.testing.BundleJar;
import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A bundle sees its own classes, the JDK's java.base (plus JDK modules it declares) and the exported
 * host packages; nothing else of the host and nothing of other bundles. The host sees no bundle class.
 */
class IsolationTest extends EngineTestSupport {

    private Path prober(String id, String extraCases) {
        return TestBundles.probe(id, "1.0", extraCases).build();
    }

    private void installAndStart(Path jar, String id) {
        engine.install(jar);
        engine.start(id, "1.0");
    }

    @Test
    void bundleSeesExportedHostPackagesAndTheApi() {
        installAndStart(prober("a", ""), "a");
        assertThat(Calls.probe(engine.registry(), "a", "load io.nbf.modules.testspi.Recorder")).isEqualTo("visible");
        assertThat(Calls.probe(engine.registry(), "a", "load io.nbf.api.BundleActivator")).isEqualTo("visible");
        assertThat(Calls.probe(engine.registry(), "a", "load java.util.concurrent.ConcurrentHashMap")).isEqualTo("visible");
    }

    @Test
    void bundleCannotLoadOtherHostClasses() {
        installAndStart(prober("a", ""), "a");
        assertThat(Calls.probe(engine.registry(), "a", "load io.nbf.modules.hidden.HostSecret"))
                .startsWith("ClassNotFoundException");
        assertThat(Calls.probe(engine.registry(), "a", "load io.nbf.modules.BundleEngine"))
                .startsWith("ClassNotFoundException");
        assertThat(Calls.probe(engine.registry(), "a", "load org.junit.jupiter.api.Test"))
                .startsWith("ClassNotFoundException");
        assertThat(Calls.probe(engine.registry(), "a", "load org.jboss.modules.Module"))
                .startsWith("ClassNotFoundException");
    }

    @Test
    void bundleCannotSeeHostServiceFilesOrResources() {
        installAndStart(prober("a",
                "case \"host-resource\": return String.valueOf(getClass().getClassLoader().getResource(\"META-INF/maven/org.jboss.modules/jboss-modules/pom.properties\"));\n"
                + "case \"api-class-file\": return String.valueOf(getClass().getClassLoader().getResource(\"io/nbf/api/BundleActivator.class\"));\n"), "a");
        assertThat(Calls.probe(engine.registry(), "a", "host-resource")).isEqualTo("null");
        assertThat(Calls.probe(engine.registry(), "a", "api-class-file")).isEqualTo("null");
    }

    @Test
    void bundlesCannotSeeEachOther() {
        installAndStart(prober("a", ""), "a");
        installAndStart(TestBundles.greeter("b", "1.0", "Hi").build(), "b");
        assertThat(Calls.probe(engine.registry(), "a", "load b.b.v1_0.GreeterImpl")).startsWith("ClassNotFoundException");
        assertThat(Calls.probe(engine.registry(), "a", "load p.a.v1_0.ProbeImpl")).isEqualTo("own");
    }

    @Test
    void hostCannotLoadBundleClasses() {
        installAndStart(TestBundles.greeter("b", "1.0", "Hi").build(), "b");
        assertThatThrownBy(() -> Class.forName("b.b.v1_0.GreeterImpl", false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(engine.registry().snapshot().services(io.nbf.modules.testspi.Greeter.class).byBundleId("b").instance()
                .getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
    }

    @Test
    void twoBundlesCarryTwoVersionsOfOneLibraryClass() {
        String lib1 = "package lib; public class Version { public static String get() { return \"lib 1\"; } }";
        String lib2 = "package lib; public class Version { public static String get() { return \"lib 2\"; } }";
        String useLib = "case \"lib\": return lib.Version.get();\n";
        installAndStart(TestBundles.probe("one", "1.0", useLib).source("lib.Version", lib1).build(), "one");
        installAndStart(TestBundles.probe("two", "1.0", useLib).source("lib.Version", lib2).build(), "two");
        assertThat(Calls.probe(engine.registry(), "one", "lib")).isEqualTo("lib 1");
        assertThat(Calls.probe(engine.registry(), "two", "lib")).isEqualTo("lib 2");
    }

    @Test
    void jdkModulesBeyondJavaBaseOnlyWhenDeclared() {
        String useSql = "case \"sql\": return java.sql.Types.class.getName();\n";
        installAndStart(TestBundles.probe("nosql", "1.0", useSql).build(), "nosql");
        installAndStart(TestBundles.probe("sql", "1.0", useSql).descriptor("jdk-modules", "java.sql").build(), "sql");
        assertThat(Calls.probe(engine.registry(), "nosql", "sql")).startsWith("NoClassDefFoundError");
        assertThat(Calls.probe(engine.registry(), "sql", "sql")).isEqualTo("java.sql.Types");
    }

    @Test
    void configurableExportsIncludePackageTrees() {
        engine.close();
        engine = new BundleEngine(config().export("io.nbf.modules.*").build());
        installAndStart(prober("a", ""), "a");
        assertThat(Calls.probe(engine.registry(), "a", "load io.nbf.modules.hidden.HostSecret")).isEqualTo("visible");
        assertThat(Calls.probe(engine.registry(), "a", "load io.nbf.modulesX.Nothing")).startsWith("ClassNotFoundException");
    }

    @Test
    void serviceLoaderInsideTheBundleFindsOnlyTheBundlesProviders() {
        Path jar = BundleJar.bundle("sl", "1.0")
                .source("sl.ProbeImpl", "package sl; public class ProbeImpl implements io.nbf.modules.testspi.Probe {\n"
                        + " public String probe(String q) { StringBuilder sb = new StringBuilder();\n"
                        + "  for (io.nbf.modules.testspi.Greeter g : java.util.ServiceLoader.load(io.nbf.modules.testspi.Greeter.class, getClass().getClassLoader())) sb.append(g.getClass().getName());\n"
                        + "  return sb.toString(); } }")
                .source("sl.G", "package sl; public class G implements io.nbf.modules.testspi.Greeter { public String greet(String n) { return n; } }")
                .service("io.nbf.modules.testspi.Probe", "sl.ProbeImpl")
                .service("io.nbf.modules.testspi.Greeter", "sl.G")
                .build();
        installAndStart(TestBundles.greeter("other", "1.0", "Hi").build(), "other");
        installAndStart(jar, "sl");
        assertThat(Calls.probe(engine.registry(), "sl", "any")).isEqualTo("sl.G");
    }

    /** Cases that walk the bundle class loader's parent chain (each parent up to and including {@code null}). */
    private static final String PARENT_CASES =
            "case \"parent\": return String.valueOf(getClass().getClassLoader().getParent());\n"
            + "case \"parent-load-secret\": return ParentWalk.load(getClass(), \"io.nbf.modules.hidden.HostSecret\");\n"
            + "case \"parent-load-engine\": return ParentWalk.load(getClass(), \"io.nbf.modules.BundleEngine\");\n"
            + "case \"parent-load-sql\": return ParentWalk.load(getClass(), \"java.sql.Types\");\n"
            + "case \"parent-resource\": return ParentWalk.resource(getClass(), \"META-INF/maven/org.jboss.modules/jboss-modules/pom.properties\");\n"
            + "case \"parent-class-file\": return ParentWalk.resource(getClass(), \"io/nbf/modules/hidden/HostSecret.class\");\n"
            + "case \"exported\": return io.nbf.modules.testspi.Recorder.class.getName();\n";

    private static final String PARENT_WALK = "package walk; public final class ParentWalk {\n"
            + " public static String load(Class<?> self, String name) {\n"
            + "  ClassLoader l = self.getClassLoader();\n"
            + "  do { l = l.getParent();\n"
            + "   try { Class.forName(name, false, l); return \"visible through \" + l; } catch (ClassNotFoundException e) { }\n"
            + "  } while (l != null);\n"
            + "  return \"hidden\"; }\n"
            + " public static String resource(Class<?> self, String name) {\n"
            + "  for (ClassLoader l = self.getClassLoader().getParent(); l != null; l = l.getParent()) {\n"
            + "   if (l.getResource(name) != null) return \"found through \" + l; }\n"
            + "  return \"null\"; } }";

    @Test
    void parentChainOfTheBundleClassLoaderHidesTheHost() {
        String cases = PARENT_CASES.replace("ParentWalk.", "walk.ParentWalk.");
        installAndStart(TestBundles.probe("a", "1.0", cases).source("walk.ParentWalk", PARENT_WALK).build(), "a");
        assertThat(Calls.probe(engine.registry(), "a", "parent")).isEqualTo("null");
        assertThat(Calls.probe(engine.registry(), "a", "parent-load-secret")).isEqualTo("hidden");
        assertThat(Calls.probe(engine.registry(), "a", "parent-load-engine")).isEqualTo("hidden");
        assertThat(Calls.probe(engine.registry(), "a", "parent-load-sql")).isEqualTo("hidden");
        assertThat(Calls.probe(engine.registry(), "a", "parent-resource")).isEqualTo("null");
        assertThat(Calls.probe(engine.registry(), "a", "parent-class-file")).isEqualTo("null");
        // normal delegation through the module's imports still works
        assertThat(Calls.probe(engine.registry(), "a", "exported")).isEqualTo("io.nbf.modules.testspi.Recorder");
        assertThat(Calls.probe(engine.registry(), "a", "load io.nbf.modules.testspi.Recorder")).isEqualTo("visible");
        assertThat(Calls.probe(engine.registry(), "a", "load walk.ParentWalk")).isEqualTo("own");
        assertThat(Calls.probe(engine.registry(), "a", "load io.nbf.modules.hidden.HostSecret")).startsWith("ClassNotFoundException");
    }

    @Test
    void declaredJdkModulesAndOwnResourcesStillLoadThroughTheBundleClassLoader() {
        String cases = "case \"sql\": return java.sql.Types.class.getName();\n"
                + "case \"own-resource\": return String.valueOf(getClass().getClassLoader().getResource(\"walk/ParentWalk.class\") != null);\n"
                + "case \"defined-by\": return String.valueOf(walk.ParentWalk.class.getClassLoader() == getClass().getClassLoader());\n";
        installAndStart(TestBundles.probe("sql", "1.0", cases).source("walk.ParentWalk", PARENT_WALK)
                .descriptor("jdk-modules", "java.sql").build(), "sql");
        assertThat(Calls.probe(engine.registry(), "sql", "sql")).isEqualTo("java.sql.Types");
        assertThat(Calls.probe(engine.registry(), "sql", "own-resource")).isEqualTo("true");
        assertThat(Calls.probe(engine.registry(), "sql", "defined-by")).isEqualTo("true");
    }
}
