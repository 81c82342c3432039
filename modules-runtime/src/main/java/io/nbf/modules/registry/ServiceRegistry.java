package io.nbf.modules.registry;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * SPI type to live implementations. Reading ({@link #snapshot()}) takes no lock; publishing replaces
 * all entries of one bundle id, across all SPIs, in one atomic step. Thread-safe.
 */
public final class ServiceRegistry {

    private final Object writeLock = new Object();
    private volatile RegistrySnapshot current = RegistrySnapshot.EMPTY;

    /** @return the registry as it is now; one volatile read */
    public RegistrySnapshot snapshot() {
        return current;
    }

    /**
     * Makes {@code entries} the live implementations of {@code bundleId}, replacing whatever that id
     * published before, in one step. The replaced entries are retired: calls can no longer enter them.
     *
     * @param bundleId the bundle id
     * @param entries the entries of one version of that bundle; empty to withdraw the id
     * @return the replaced entries, retired; wait for them with {@link #awaitDrained}
     * @throws IllegalArgumentException if an entry belongs to another bundle id (NBF1590), or two entries
     *         implement the same SPI (NBF1591)
     */
    public List<ServiceEntry> publish(String bundleId, Collection<ServiceEntry> entries) {
        Map<Class<?>, List<ServiceEntry>> bySpi = new HashMap<>();
        for (ServiceEntry e : entries) {
            if (!e.bundleId().equals(bundleId)) {
                throw MSG.entryOfAnotherBundle(e, bundleId);
            }
            List<ServiceEntry> list = bySpi.computeIfAbsent(e.spi(), k -> new ArrayList<>(1));
            if (!list.isEmpty()) {
                throw MSG.twoImplementations(bundleId, e.spi().getName());
            }
            list.add(e);
        }
        List<ServiceEntry> replaced = new ArrayList<>();
        synchronized (writeLock) {
            RegistrySnapshot before = current;
            Map<Class<?>, SpiServices> changes = new HashMap<>();
            for (Map.Entry<Class<?>, SpiServices> spi : before.all().entrySet()) {
                ServiceEntry old = spi.getValue().byBundleId(bundleId);
                if (old != null) {
                    replaced.add(old);
                    changes.put(spi.getKey(), spi.getValue().replacing(bundleId, bySpi.getOrDefault(spi.getKey(), List.of())));
                }
            }
            bySpi.forEach((spi, list) -> changes.computeIfAbsent(spi, s -> before.services(s).replacing(bundleId, list)));
            if (!changes.isEmpty()) {
                current = before.with(changes);
            }
        }
        for (ServiceEntry e : replaced) {
            e.retire(); // after the new snapshot is visible: a call that enters now finds it retired and looks again
        }
        return replaced;
    }

    /**
     * Waits until no call is in flight on any of the entries.
     *
     * @param entries retired entries
     * @param timeout how long to wait at most
     * @return {@code true} if they drained, {@code false} if the timeout passed first
     * @throws InterruptedException (NBF1594) if interrupted while waiting
     */
    public static boolean awaitDrained(Collection<ServiceEntry> entries, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 50_000; // ns; grows to 10 ms
        for (ServiceEntry e : entries) {
            while (e.inFlight() > 0) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                LockSupport.parkNanos(pause);
                if (Thread.interrupted()) {
                    throw MSG.drainInterrupted(e);
                }
                pause = Math.min(pause * 2, 10_000_000);
            }
        }
        return true;
    }
}
