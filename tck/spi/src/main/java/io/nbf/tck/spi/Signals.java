package io.nbf.tck.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Host-side switches that steer test bundles, and what they report back: the TCK's bundles and the
 * bundles cdi-extension's tests compile at test time both read them. Exported to bundles, so host and
 * bundles share one copy. A mode per bundle id is a word the bundle interprets: {@code ok} (the default),
 * {@code throw} (IllegalStateException), {@code slow} (sleeps {@link #delayMillis}); cdi-extension's
 * bundles also know {@code business} (their own exception class). {@link #modeOf} counts the calls.
 */
public final class Signals {

    private static final Map<String, String> MODES = new ConcurrentHashMap<>();
    private static final Map<String, Long> DELAYS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final List<String> EVENTS = new ArrayList<>();
    private static volatile BiConsumer<String, String> observer;

    private Signals() {
    }

    public static void mode(String bundle, String mode) {
        MODES.put(bundle, mode);
    }

    public static void slow(String bundle, long millis) {
        DELAYS.put(bundle, millis);
        MODES.put(bundle, "slow");
    }

    /**
     * Lets the host look at the thread a bundle runs on (its MDC, say): {@code observer} gets the bundle id and
     * {@code call} on every {@link #modeOf}, and {@code null} and the event on every {@link #record}, on the
     * bundle's thread. {@code null} removes it; so does {@link #reset()}.
     */
    public static void observe(BiConsumer<String, String> observer) {
        Signals.observer = observer;
    }

    /** Called by bundles on every call: counts it and answers the mode. */
    public static String modeOf(String bundle) {
        BiConsumer<String, String> o = observer;
        if (o != null) {
            o.accept(bundle, "call");
        }
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

    public static synchronized void record(String event) {
        BiConsumer<String, String> o = observer;
        if (o != null) {
            o.accept(null, event);
        }
        EVENTS.add(event);
    }

    public static synchronized List<String> events() {
        return new ArrayList<>(EVENTS);
    }

    public static synchronized void reset() {
        MODES.clear();
        DELAYS.clear();
        CALLS.clear();
        EVENTS.clear();
        observer = null;
    }
}
