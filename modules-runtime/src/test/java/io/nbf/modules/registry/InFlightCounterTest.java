package io.nbf.modules.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InFlightCounterTest {

    @Test
    void theSumIsExactAfterConcurrentUpdatesFromManyThreads() throws Exception {
        InFlightCounter counter = new InFlightCounter();
        int threads = 8;
        int rounds = 200_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < rounds; i++) {
                    counter.add(1);
                    counter.add(1);
                    counter.add(-1);
                }
            });
            w.start();
            workers.add(w);
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }

        assertThat(counter.sum()).isEqualTo((long) threads * rounds);
    }

    @Test
    void aCallEnteredOnTheBaseMayExitOnAStripe() {
        InFlightCounter counter = new InFlightCounter();
        counter.add(1); // uncontended: the base
        assertThat(counter.sum()).isEqualTo(1);
        counter.add(-1);
        assertThat(counter.sum()).isZero();
    }

    @Test
    void stripesAreAtLeastTwiceTheCpusWithinFourAndSixtyFour() {
        assertThat(1 << InFlightCounter.stripeBits(1)).isEqualTo(4);
        assertThat(1 << InFlightCounter.stripeBits(2)).isEqualTo(4);
        assertThat(1 << InFlightCounter.stripeBits(3)).isEqualTo(8);
        assertThat(1 << InFlightCounter.stripeBits(16)).isEqualTo(32);
        assertThat(1 << InFlightCounter.stripeBits(512)).isEqualTo(64);
    }

    @Test
    void consecutiveThreadIdsUpdateDifferentStripes() {
        // the pathology this class avoids: two busy threads on one cache line
        for (long id = 1; id < 100_000; id++) {
            assertThat(InFlightCounter.slot(id)).as("thread ids %d and %d", id, id + 1).isNotEqualTo(InFlightCounter.slot(id + 1));
        }
        Set<Integer> slots = new HashSet<>();
        for (long id = 1; id <= 64; id++) {
            slots.add(InFlightCounter.slot(id));
        }
        assertThat(slots).hasSize(1 << InFlightCounter.stripeBits(Runtime.getRuntime().availableProcessors()));
    }
}
