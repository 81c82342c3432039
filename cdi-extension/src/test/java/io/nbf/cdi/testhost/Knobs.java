package io.nbf.cdi.testhost;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the test's controlled bundles behave, set by the test while they run (the package is exported to
 * bundles): {@code ok}, {@code throw} (an IllegalStateException), {@code business} (the bundle's own
 * OutOfStockException), {@code slow} (sleeps {@link #delayMillis}); and how often each was called.
 */
public final class Knobs {

    private static final Map<String, String> MODES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, Long> DELAYS = new ConcurrentHashMap<>();

    private Knobs() {
    }

    public static void set(String bundle, String mode) {
        MODES.put(bundle, mode);
    }

    public static void slow(String bundle, long millis) {
        DELAYS.put(bundle, millis);
        MODES.put(bundle, "slow");
    }

    public static String mode(String bundle) {
        CALLS.computeIfAbsent(bundle, b -> new AtomicInteger()).incrementAndGet();
        return MODES.getOrDefault(bundle, "ok");
    }

    public static long delayMillis(String bundle) {
        return DELAYS.getOrDefault(bundle, 0L);
    }

    public static int calls(String bundle) {
        AtomicInteger n = CALLS.get(bundle);
        return n == null ? 0 : n.get();
    }

    public static void reset() {
        MODES.clear();
        CALLS.clear();
        DELAYS.clear();
    }
}
