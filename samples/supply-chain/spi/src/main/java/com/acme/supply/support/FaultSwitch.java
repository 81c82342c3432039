package com.acme.supply.support;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fault injection for the demo: the host flips a bundle between healthy, failing and slow while it
 * runs, and counts the calls that really reached each bundle's code (a degraded call or one refused by
 * an open breaker never does).
 *
 * <p>Bundles call {@link #enter(String)} first thing in every method. The switch lives in the host (an
 * exported package) because a bundle's own statics are private to its class loader: the host could not
 * reach them, and each version of a bundle would have its own.
 */
public final class FaultSwitch {

    /** How a bundle behaves. */
    public enum Mode {
        /** Answers at once. */
        OK,
        /** Throws an {@link IllegalStateException}, as a bundle whose backend is down would. */
        THROW,
        /** Answers after a delay, as a bundle whose backend is overloaded would. */
        SLOW
    }

    private static final class Setting {
        final Mode mode;
        final Duration delay;

        Setting(Mode mode, Duration delay) {
            this.mode = mode;
            this.delay = delay;
        }
    }

    private static final Setting HEALTHY = new Setting(Mode.OK, Duration.ZERO);
    private static final Map<String, Setting> SETTINGS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

    private FaultSwitch() {
    }

    /** Makes the bundle healthy again. */
    public static void healthy(String bundleId) {
        SETTINGS.remove(bundleId);
    }

    /** Makes every call of the bundle throw. */
    public static void failing(String bundleId) {
        SETTINGS.put(bundleId, new Setting(Mode.THROW, Duration.ZERO));
    }

    /** Makes every call of the bundle take {@code delay} before it answers. */
    public static void slow(String bundleId, Duration delay) {
        SETTINGS.put(bundleId, new Setting(Mode.SLOW, Objects.requireNonNull(delay, "delay")));
    }

    /** @return how many calls reached the bundle's code so far (every version of it) */
    public static long calls(String bundleId) {
        LongAdder n = CALLS.get(bundleId);
        return n == null ? 0 : n.sum();
    }

    /**
     * Called by a bundle when a call reaches it: counts the call, then fails or waits as set.
     *
     * @throws IllegalStateException if the bundle is set to fail, or was interrupted while slow (a
     *         timeout interrupts the calling thread); the interrupt flag is restored
     */
    public static void enter(String bundleId) {
        CALLS.computeIfAbsent(bundleId, id -> new LongAdder()).increment();
        Setting s = SETTINGS.getOrDefault(bundleId, HEALTHY);
        switch (s.mode) {
            case THROW:
                throw new IllegalStateException(bundleId + ": the stock backend is down (fault injected by the demo)");
            case SLOW:
                try {
                    Thread.sleep(s.delay.toMillis());
                } catch (InterruptedException e) {
                    // Give up, as a well-behaved blocking call does, and leave the flag for the caller.
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(bundleId + ": interrupted after waiting for a slow backend", e);
                }
                break;
            default:
                break;
        }
    }
}
