package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbf.api.management.BundleManager;
import io.nbf.cdi.beans.FieldClient;
import io.nbf.cdi.beans.ManagementClient;
import io.nbf.cdi.testing.CdiBundles;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Two threads call through an injected proxy while its bundle is switched and rolled back 100 times. */
class HotSwapUnderLoadTest extends CdiTestSupport {

    @Test
    void zeroFailedCalls() throws Exception {
        drop(CdiBundles.greeter("shop-b", "1.0", "v1"), "b1.jar");
        start(FieldClient.class, ManagementClient.class);
        BundleManager manager = bean(ManagementClient.class).bundles;
        manager.install(CdiBundles.greeter("shop-b", "2.0", "v2").build());
        FieldClient client = bean(FieldClient.class);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        ConcurrentLinkedQueue<Object> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?>[] callers = new Future<?>[2];
        for (int i = 0; i < 2; i++) {
            callers[i] = pool.submit(() -> {
                while (running.get()) {
                    try {
                        String answer = client.viaShopB("x");
                        if (!answer.equals("v1 x") && !answer.equals("v2 x")) {
                            failures.add(answer);
                        }
                        calls.incrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            });
        }
        for (int i = 0; i < 100; i++) {
            manager.switchTo("shop-b", "2.0");
            manager.rollback("shop-b");
        }
        running.set(false);
        for (Future<?> f : callers) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(failures).isEmpty();
        assertThat(calls.get()).isGreaterThan(200);
        assertThat(client.viaShopB("x")).isEqualTo("v1 x");
    }
}
