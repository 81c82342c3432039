package com.acme.supply.app;

import com.acme.supply.ConfigReadService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Threads that call one proxy back to back, without pause, and count the answers by the bundle version
 * that served them, and the calls that failed. Used to show that a version switch loses no call.
 *
 * <p>Each thread keeps its own tally, merged once the threads have stopped, so the bookkeeping adds no
 * contention of its own to what is measured.
 */
final class CallerThreads {

    /** What one thread saw of the answers of one bundle version. */
    private static final class Served {
        long calls;
        long firstBegun = Long.MAX_VALUE; // when the first call this version answered began (System.nanoTime())
        long lastBegun = Long.MIN_VALUE;  // and the last: a call begun before a switch may finish on the old version
    }

    /** One thread's tally; read only after the thread has ended. */
    private static final class Tally {
        final Map<String, Served> servedBy = new HashMap<>();
        long failed;
        final List<String> failures = new ArrayList<>();
    }

    private final ConfigReadService service;
    private final String key;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Tally> tallies = new ArrayList<>();
    private volatile boolean running;

    CallerThreads(ConfigReadService service, String key) {
        this.service = service;
        this.key = key;
    }

    void start(int count) {
        running = true;
        for (int i = 1; i <= count; i++) {
            Tally tally = new Tally();
            Thread t = new Thread(() -> callWhileRunning(tally), "sample caller " + i);
            t.setDaemon(true); // never keeps the JVM alive if a scenario fails half-way
            tallies.add(tally);
            threads.add(t);
            t.start();
        }
    }

    /** Stops the threads and waits for their last calls; the results below are complete afterwards. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(10_000);
            if (t.isAlive()) {
                throw new IllegalStateException(t.getName() + " did not stop within 10 s");
            }
        }
    }

    private void callWhileRunning(Tally tally) {
        while (running) {
            long begun = System.nanoTime();
            try {
                Served s = tally.servedBy.computeIfAbsent(Answer.parse(service.queryConfig(key)).servedBy(), v -> new Served());
                s.calls++;
                s.firstBegun = Math.min(s.firstBegun, begun);
                s.lastBegun = Math.max(s.lastBegun, begun);
            } catch (RuntimeException e) {
                tally.failed++;
                if (tally.failures.size() < 3) {
                    tally.failures.add(e.toString());
                }
            }
        }
    }

    /** @return calls answered, by {@code "<bundle> <version>"}, sorted */
    Map<String, Long> servedBy() {
        Map<String, Long> counts = new TreeMap<>();
        tallies.forEach(t -> t.servedBy.forEach((version, s) -> counts.merge(version, s.calls, Long::sum)));
        return counts;
    }

    long failed() {
        return tallies.stream().mapToLong(t -> t.failed).sum();
    }

    /** @return the first few failures, for the report */
    List<String> sampleFailures() {
        return tallies.stream().flatMap(t -> t.failures.stream()).limit(3).toList();
    }

    /** @return when the first call that {@code servedBy} answered began ({@link System#nanoTime()}), if any did */
    OptionalLong firstCallServedBy(String servedBy) {
        return tallies.stream().map(t -> t.servedBy.get(servedBy)).filter(Objects::nonNull).mapToLong(s -> s.firstBegun).min();
    }

    /** @return when the last call that {@code servedBy} answered began ({@link System#nanoTime()}), if any did */
    OptionalLong lastCallServedBy(String servedBy) {
        return tallies.stream().map(t -> t.servedBy.get(servedBy)).filter(Objects::nonNull).mapToLong(s -> s.lastBegun).max();
    }
}
