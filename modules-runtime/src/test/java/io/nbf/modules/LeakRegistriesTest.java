package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbf.modules.leak.LeakReport;
import io.nbf.modules.testing.BundleJar;
import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import io.nbf.modules.testspi.Greeter;
import io.nbf.modules.testspi.Probe;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.security.Security;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.management.ObjectName;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * What a bundle leaves in JVM-wide places (thread locals holding containers, DriverManager, MBean servers,
 * java.util.logging, security providers) is cleaned and named at uninstall, and its loader collected; what
 * still leaks is listed by {@link BundleEngine#unreclaimed()} and logged (NBF1031).
 */
class LeakRegistriesTest extends EngineTestSupport {

    private ClassLoader liveLoader(Class<?> spi, String id) {
        return engine.registry().snapshot().services(spi).byBundleId(id).classLoader();
    }

    private static boolean collected(List<WeakReference<ClassLoader>> refs) {
        System.gc();
        return refs.stream().allMatch(r -> r.get() == null);
    }

    private void assertFinding(String text) {
        assertThat(engine.leakReports()).singleElement().extracting(LeakReport::findings, InstanceOfAssertFactories.list(String.class))
                .anySatisfy(f -> assertThat(f).contains(text));
    }

    private void awaitCollected(List<WeakReference<ClassLoader>> refs) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> collected(refs));
    }

    /** A greeter bundle whose activator runs {@code startCode}, with extra sources and JDK modules. */
    private static BundleJar withActivator(String id, String jdkModule, String startCode) {
        return TestBundles.greeter(id, "1.0", "Hi")
                .descriptor("jdk-modules", jdkModule)
                .source(id + ".Hooks", "package " + id + "; public class Hooks implements io.nbf.api.BundleActivator {\n"
                        + " public void start(io.nbf.api.BundleContext c) throws Exception {\n" + startCode + "\n } }")
                .activator(id + ".Hooks");
    }

    @Test
    void aThreadLocalListMapArrayHoldingABundleObjectIsClearedAndNamed() {
        engine.deploy(BundleJar.bundle("tlc", "1.0")
                .source("tlc.ProbeImpl", "package tlc; public class ProbeImpl implements io.nbf.modules.testspi.Probe {\n"
                        + " static final ThreadLocal<Object> CACHE = new ThreadLocal<>();\n"
                        + " public static class Payload { }\n"
                        + " public String probe(String q) {\n"
                        + "  CACHE.set(new java.util.ArrayList<Object>(java.util.List.of(\"a\", java.util.Map.of(\"k\", new Object[] {1, java.util.Set.of(new Payload())}))));\n"
                        + "  return \"cached\"; } }")
                .service("io.nbf.modules.testspi.Probe", "tlc.ProbeImpl").build());
        assertThat(Calls.probe(engine.registry(), "tlc", "go")).isEqualTo("cached"); // on this, a host thread
        List<WeakReference<ClassLoader>> refs = List.of(new WeakReference<>(liveLoader(Probe.class, "tlc")));

        engine.uninstall("tlc", "1.0");

        assertFinding("held a ThreadLocal value, a java.util.ArrayList holding a tlc.ProbeImpl$Payload from the bundle; cleared");
        awaitCollected(refs);
    }

    @Test
    void aJdbcDriverTheBundleDidNotDeregisterIsDeregisteredAndNamed() {
        engine.deploy(withActivator("jdbcleak", "java.sql", "java.sql.DriverManager.registerDriver(new Drv());")
                .source("jdbcleak.Drv", "package jdbcleak; public class Drv implements java.sql.Driver {\n"
                        + " public java.sql.Connection connect(String u, java.util.Properties p) { return null; }\n"
                        + " public boolean acceptsURL(String u) { return u.startsWith(\"jdbc:nbfleak:\"); }\n"
                        + " public java.sql.DriverPropertyInfo[] getPropertyInfo(String u, java.util.Properties p) { return new java.sql.DriverPropertyInfo[0]; }\n"
                        + " public int getMajorVersion() { return 1; }\n public int getMinorVersion() { return 0; }\n"
                        + " public boolean jdbcCompliant() { return false; }\n"
                        + " public java.util.logging.Logger getParentLogger() { return null; } }")
                .build());
        List<WeakReference<ClassLoader>> refs = List.of(new WeakReference<>(liveLoader(Greeter.class, "jdbcleak")));

        engine.uninstall("jdbcleak", "1.0");

        assertFinding("JDBC driver jdbcleak.Drv of the bundle was still registered with DriverManager; deregistered");
        assertThat(Collections.list(DriverManager.getDrivers())).noneMatch(d -> d.getClass().getName().equals("jdbcleak.Drv"));
        awaitCollected(refs);
    }

    @Test
    void anMBeanOfTheBundleIsUnregisteredAndNamed() throws Exception {
        ObjectName name = new ObjectName("nbf.test:type=LeakCounter");
        engine.deploy(withActivator("mbleak", "java.management",
                        "java.lang.management.ManagementFactory.getPlatformMBeanServer().registerMBean(new Counter(),"
                                + " new javax.management.ObjectName(\"nbf.test:type=LeakCounter\"));")
                .source("mbleak.CounterMBean", "package mbleak; public interface CounterMBean { int getCount(); }")
                .source("mbleak.Counter", "package mbleak; public class Counter implements CounterMBean { public int getCount() { return 7; } }")
                .build());
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name)).isTrue();
        List<WeakReference<ClassLoader>> refs = List.of(new WeakReference<>(liveLoader(Greeter.class, "mbleak")));

        engine.uninstall("mbleak", "1.0");

        assertFinding("MBean nbf.test:type=LeakCounter of the bundle was unregistered");
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name)).isFalse();
        awaitCollected(refs);
    }

    @Test
    void aLoggingHandlerOfTheBundleIsRemovedClosedAndNamed() {
        engine.deploy(withActivator("julleak", "java.logging", "java.util.logging.Logger.getLogger(\"\").addHandler(new Sink());")
                .source("julleak.Sink", "package julleak; public class Sink extends java.util.logging.Handler {\n"
                        + " public static volatile boolean closed;\n"
                        + " public void publish(java.util.logging.LogRecord r) { }\n public void flush() { }\n"
                        + " public void close() { closed = true; } }")
                .build());
        assertThat(Logger.getLogger("").getHandlers()).anyMatch(h -> h.getClass().getName().equals("julleak.Sink"));
        List<WeakReference<ClassLoader>> refs = List.of(new WeakReference<>(liveLoader(Greeter.class, "julleak")));

        engine.uninstall("julleak", "1.0");

        assertFinding("java.util.logging handler julleak.Sink of the bundle was removed from logger '' and closed");
        assertThat(Logger.getLogger("").getHandlers()).noneMatch(h -> h.getClass().getName().equals("julleak.Sink"));
        awaitCollected(refs);
    }

    @Test
    void aSecurityProviderOfTheBundleIsRemovedAndNamed() {
        engine.deploy(withActivator("provleak", null, "java.security.Security.addProvider(new Prov());")
                .source("provleak.Prov", "package provleak; public class Prov extends java.security.Provider {\n"
                        + " public Prov() { super(\"NbfLeakTest\", \"1.0\", \"test\"); } }")
                .build());
        assertThat(Security.getProvider("NbfLeakTest")).isNotNull();
        List<WeakReference<ClassLoader>> refs = List.of(new WeakReference<>(liveLoader(Greeter.class, "provleak")));

        engine.uninstall("provleak", "1.0");

        assertFinding("security provider 'NbfLeakTest' (provleak.Prov) of the bundle was removed");
        assertThat(Security.getProvider("NbfLeakTest")).isNull();
        awaitCollected(refs);
    }

    @Test
    void aVersionStillReachableAfterTheCheckIsListedAndLogged() throws InterruptedException {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler collector = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(new SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger nbf = Logger.getLogger("io.nbf.modules");
        nbf.addHandler(collector);
        engine.close();
        System.setProperty(LeakTracker.CHECK_DELAY_PROPERTY, "200");
        try {
            engine = new BundleEngine(config().build());
            engine.deploy(withActivator("stuck", null,
                    "Thread t = new Thread(new Runnable() { public void run() { try { Thread.sleep(Long.MAX_VALUE); }"
                            + " catch (InterruptedException e) { } } }, \"stuck-poller\"); t.setDaemon(true); t.start();")
                    .build());

            engine.uninstall("stuck", "1.0");

            System.gc();
            assertThat(engine.unreclaimed()).containsExactly("stuck:1.0");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> logged.stream()
                    .anyMatch(l -> l.startsWith("NBF1031: stuck:1.0 is not collected")
                            && l.contains("thread 'stuck-poller' started by the bundle still runs")));
            assertThat(engine.unreclaimed()).containsExactly("stuck:1.0");
        } finally {
            System.clearProperty(LeakTracker.CHECK_DELAY_PROPERTY);
            nbf.removeHandler(collector);
            stopThread("stuck-poller");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            System.gc();
            return engine.unreclaimed().isEmpty();
        });
    }

    /** In its own frame, so no local variable of the test keeps the thread reachable. */
    private static void stopThread(String name) throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                t.interrupt();
                t.join(5000);
            }
        }
    }
}
