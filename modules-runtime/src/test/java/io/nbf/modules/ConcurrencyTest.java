package io.nbf.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.modules.testing.Calls;
import io.nbf.modules.testing.TestBundles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Four threads call through the registry while another installs, switches and uninstalls 200 times:
 * no call fails, every answer comes from a version that was live, nothing deadlocks.
 */
class ConcurrencyTest extends EngineTestSupport {

    @Test
    void callsNeverFailWhileVersionsChurn() throws Exception {
        Path v1 = TestBundles.greeter("churn", "1.0", "v1").build();
        Path v2 = TestBundles.greeter("churn", "2.0", "v2").build();
        Path other = TestBundles.greeter("other", "1.0", "other").build();
        engine.deploy(v1);
        engine.deploy(other);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch callersStarted = new CountDownLatch(4);
        List<Future<?>> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String target = i == 3 ? "other" : "churn";
            callers.add(pool.submit(() -> {
                callersStarted.countDown();
                while (running.get()) {
                    try {
                        String answer = Calls.greet(engine.registry(), target, "x");
                        if (!answer.equals("v1 x") && !answer.equals("v2 x") && !answer.equals("other x")) {
                            unexpected.add(answer);
                        }
                        calls.incrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            }));
        }
        callersStarted.await();
        Future<?> churner = pool.submit(() -> {
            String live = "1.0";
            for (int i = 0; i < 200; i++) {
                String next = live.equals("1.0") ? "2.0" : "1.0";
                engine.install(next.equals("1.0") ? v1 : v2);
                engine.switchTo("churn", next);
                engine.uninstall("churn", live);
                live = next;
            }
            return null;
        });
        churner.get(120, TimeUnit.SECONDS); // a deadlock fails here
        running.set(false);
        for (Future<?> f : callers) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(unexpected).isEmpty();
        assertThat(calls.get()).isGreaterThan(1000);
        assertThat(engine.bundles()).extracting(b -> b.id() + ":" + b.version()).containsExactly("churn:1.0", "other:1.0");
    }
}
