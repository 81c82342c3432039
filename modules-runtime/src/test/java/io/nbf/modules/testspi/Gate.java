package io.nbf.modules.testspi;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a test hold a bundle call in flight: the bundle calls {@link #pass()}, the test opens the gate. */
public final class Gate {

    private static volatile CountDownLatch entered = new CountDownLatch(1);
    private static volatile CountDownLatch open = new CountDownLatch(0);

    private Gate() {
    }

    /** Closes the gate: the next {@link #pass()} blocks until {@link #open()}. */
    public static void close() {
        entered = new CountDownLatch(1);
        open = new CountDownLatch(1);
    }

    public static void open() {
        open.countDown();
    }

    public static boolean awaitEntered(long millis) throws InterruptedException {
        return entered.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Called by bundle code. */
    public static void pass() {
        entered.countDown();
        try {
            if (!open.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate stayed closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
