package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * JBoss Modules' System.LoggerFinder swallows System.Logger output when embedded; the engine
 * activates it, so a user's System.Logger messages reach java.util.logging.
 */
class LoggingTest {

    @Test
    void systemLoggerOutputReachesJavaUtilLogging() {
        assertThat(System.LoggerFinder.getLoggerFinder().getClass().getName())
                .as("the finder that would swallow the output")
                .isEqualTo("org.jboss.modules.ModuleLoggerFinder");
        List<String> seen = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
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
        Logger jul = Logger.getLogger("com.acme.orders");
        jul.addHandler(handler);
        try (BundleEngine engine = new BundleEngine(EngineConfig.builder().build())) {
            System.getLogger("com.acme.orders").log(System.Logger.Level.INFO, "order 42 shipped");
        } finally {
            jul.removeHandler(handler);
        }
        assertThat(seen).contains("com.acme.orders: order 42 shipped");
    }
}
