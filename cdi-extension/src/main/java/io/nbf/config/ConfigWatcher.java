package io.nbf.config;

import io.nbf.messages.NbfLogger;
import io.nbf.messages.NbfMessages;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps nbf's dynamic settings in step with MicroProfile Config: re-reads them every refresh interval
 * (MicroProfile Config has no change events) and on {@link #refresh()}, applies a valid change, and
 * rejects an invalid one with a message naming the key, keeping the last good settings. Thread-safe.
 */
public final class ConfigWatcher implements AutoCloseable {

    private final Supplier<DynamicSettings> reader;
    private final Consumer<DynamicSettings> apply;
    private volatile DynamicSettings current = DynamicSettings.NONE;
    private volatile String lastRejection;
    private ScheduledExecutorService poller;
    private Thread pollThread;

    /**
     * @param reader reads the settings from the configuration as it is now; throws
     *        {@link IllegalArgumentException} naming the key when a value is invalid
     * @param apply receives every accepted change, on the thread that read it
     */
    public ConfigWatcher(Supplier<DynamicSettings> reader, Consumer<DynamicSettings> apply) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.apply = Objects.requireNonNull(apply, "apply");
    }

    /**
     * Reads and applies the settings now.
     *
     * @return the settings in force afterwards
     * @throws IllegalArgumentException (NBF2516) naming the key, if a value is invalid; the last good settings stay
     * @throws RuntimeException what a config source threw while it was read (logged once); the last good settings stay
     */
    public synchronized DynamicSettings refresh() {
        DynamicSettings next;
        try {
            next = reader.get();
        } catch (IllegalArgumentException e) {
            if (!String.valueOf(e.getMessage()).equals(lastRejection)) {
                NbfLogger.LOG.configurationRejected(e.getMessage());
            }
            lastRejection = String.valueOf(e.getMessage());
            throw NbfMessages.MSG.configurationRejected(e.getMessage(), e);
        } catch (RuntimeException e) {
            String text = e.toString();
            if (!text.equals(lastRejection)) {
                NbfLogger.LOG.configurationUnreadable(text, e);
            }
            lastRejection = text;
            throw e;
        }
        lastRejection = null;
        if (!next.equals(current)) {
            apply.accept(next);
            NbfLogger.LOG.configurationApplied(next);
            current = next;
        }
        return next;
    }

    /** @return the settings in force */
    public DynamicSettings current() {
        return current;
    }

    /** @return the message of the last rejected change, if the configuration is still invalid */
    public String lastRejection() {
        return lastRejection;
    }

    /**
     * Starts re-reading every {@code interval} on a daemon thread; zero does nothing.
     */
    public synchronized void start(Duration interval) {
        if (interval.isZero() || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nbf config refresh");
            t.setDaemon(true);
            pollThread = t;
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException rejectedOrBroken) {
                // logged by refresh(): try again next time
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops re-reading and waits for the thread to end. */
    @Override
    public void close() {
        ScheduledExecutorService p;
        Thread t;
        synchronized (this) {
            p = poller;
            t = pollThread;
            poller = null;
        }
        if (p != null) {
            p.shutdownNow();
            try {
                p.awaitTermination(10, TimeUnit.SECONDS);
                if (t != null) {
                    t.join(10_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
