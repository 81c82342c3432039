package io.nbf.modules.registry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The calls in flight on one {@link ServiceEntry}: incremented and decremented on every routed call,
 * summed only when a version drains. Every update is a volatile read-modify-write, so together with the
 * entry's volatile {@code retired} flag it gives the Dekker guarantee {@link ServiceEntry#tryEnter()}
 * relies on.
 *
 * <p>Why not {@link java.util.concurrent.atomic.LongAdder}: a LongAdder moves a thread to another cell
 * only when a compare-and-set <em>fails</em>. Two threads whose probes pick the same cell mostly succeed,
 * one after the other, while the cell's cache line bounces between their cores; nothing makes them
 * move. With 2 CPUs (at most 2 cells) that happened in about every other JVM, and the routed call then
 * scaled 1.3x to 1.6x from 1 to 2 threads instead of 2x. Here, once two threads have met on the base
 * counter, each thread updates the stripe its thread id hashes to, and the stripes are 128 bytes
 * apart; consecutive thread ids land on different stripes.
 *
 * <p>Memory: 24 bytes until the first contended update, then {@code (stripes + 1) x 128} bytes, with
 * {@code stripes} the power of two at least twice the CPU count, at least 4 and at most 64.
 */
final class InFlightCounter {

    /** longs per stripe: 128 bytes keep two stripes off one cache line (and off adjacent-line prefetch). */
    private static final int PAD = 16;
    private static final int STRIPE_BITS = stripeBits(Runtime.getRuntime().availableProcessors());
    private static final VarHandle BASE;
    private static final VarHandle STRIPES;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            BASE = lookup.findVarHandle(InFlightCounter.class, "base", long.class);
            STRIPES = lookup.findVarHandle(InFlightCounter.class, "stripes", long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // updated through BASE
    private volatile long base;
    /** null until two threads meet on {@code base}; then slot {@code PAD * (1 + stripe)} of each stripe. */
    private volatile long[] stripes;

    static int stripeBits(int cpus) {
        int stripes = Math.max(4, Math.min(64, Integer.highestOneBit(Math.max(1, cpus * 2 - 1)) << 1));
        return Integer.numberOfTrailingZeros(stripes);
    }

    void add(long delta) {
        long[] s = stripes;
        if (s == null) {
            long b = base;
            if (BASE.compareAndSet(this, b, b + delta)) {
                return;
            }
            s = stripes();
        }
        SLOT.getAndAdd(s, slot(Thread.currentThread().getId()), delta);
    }

    /** @return the sum now; exact when no update runs concurrently */
    long sum() {
        long sum = (long) BASE.getVolatile(this);
        long[] s = stripes;
        if (s != null) {
            for (int i = PAD; i < s.length; i += PAD) {
                sum += (long) SLOT.getVolatile(s, i);
            }
        }
        return sum;
    }

    private long[] stripes() {
        long[] s = stripes;
        if (s == null) {
            // the first slot block is left empty, so that the array header does not share a line with stripe 0
            long[] created = new long[PAD * ((1 << STRIPE_BITS) + 1)];
            s = STRIPES.compareAndSet(this, null, created) ? created : stripes;
        }
        return s;
    }

    /** Fibonacci hashing of the thread id: consecutive ids spread over the stripes. */
    static int slot(long threadId) {
        int stripe = (int) ((threadId * 0x9E3779B97F4A7C15L) >>> (64 - STRIPE_BITS));
        return PAD * (1 + stripe);
    }
}
