package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * JBoss Modules' System.LoggerFinder swallows System.Logger output when embedded; the engine
 * activates it, so a user's System.Logger messages reach java.util.logging. Guards {@code Logging}:
 * both tests fail if the activation stops working.
 */
class LoggingTest {

    /** Collects what java.util.logging receives under one logger name. */
    private static Handler collector(List<String> seen) {
        return new Handler() {
            @Override
            public void publish(LogRecord r) {
                seen.add(r.getLoggerName() + ": " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void systemLoggerOutputReachesJavaUtilLogging() {
        assertThat(System.LoggerFinder.getLoggerFinder().getClass().getName())
                .as("the finder that would swallow the output")
                .isEqualTo("org.jboss.modules.ModuleLoggerFinder");
        List<String> seen = new CopyOnWriteArrayList<>();
        Handler handler = collector(seen);
        Logger jul = Logger.getLogger("com.acme.orders");
        jul.addHandler(handler);
        BundleEngine engine = new BundleEngine(EngineConfig.builder().build());
        try {
            System.getLogger("com.acme.orders").log(System.Logger.Level.INFO, "order 42 shipped");
        } finally {
            engine.close();
            jul.removeHandler(handler);
        }
        assertThat(seen).contains("com.acme.orders: order 42 shipped");
    }

    /**
     * The child JVM's program, in a JVM where nothing activated the finder yet: a user's message logged
     * before any engine exists is queued (the reason for the activation), and delivered once one does.
     */
    public static void main(String[] args) {
        List<String> seen = new CopyOnWriteArrayList<>();
        Logger jul = Logger.getLogger("com.acme.orders");
        jul.addHandler(collector(seen));
        System.getLogger("com.acme.orders").log(System.Logger.Level.INFO, "order 41 packed");
        System.out.println("before-engine=" + seen);
        try (BundleEngine engine = new BundleEngine(EngineConfig.builder().build())) {
            System.getLogger("com.acme.orders").log(System.Logger.Level.INFO, "order 42 shipped");
            System.out.println("engine-bundles=" + engine.bundles());
        }
        System.out.println("after-engine=" + seen);
    }

    @Test
    void messagesQueuedBeforeTheFirstEngineAreDeliveredOnceItExists() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LoggingTest.class.getName()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> out = List.of(all.split("\n"));
        assertThat(p.exitValue()).as(all).isZero();
        assertThat(out).as("JBoss Modules' finder queues until activated; if this fails, Logging may be obsolete")
                .contains("before-engine=[]");
        assertThat(out).as(all)
                .contains("after-engine=[com.acme.orders: order 41 packed, com.acme.orders: order 42 shipped]");
        assertThat(all).doesNotContain("NBF1013");
    }
}
