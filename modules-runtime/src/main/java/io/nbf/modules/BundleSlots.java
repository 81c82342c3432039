package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeLogger.LOG;
import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.management.BundleEvent;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleListener;
import io.nbf.modules.descriptor.BundleVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The per-id locking: one {@link BundleSlot} per installed bundle id, an operation on an id runs under
 * its slot's lock, and the events it records are fired to the listeners after the lock is released.
 * Operations on different ids run concurrently; queries read without any lock.
 */
final class BundleSlots {

    /** An operation on one installed version, under its id's lock. */
    interface VersionOperation<R> {
        R apply(BundleSlot slot, InstalledBundle bundle);
    }

    private final Map<String, BundleSlot> slots = new ConcurrentHashMap<>();
    private final List<BundleListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Runs {@code op} on an installed version under its id's lock.
     *
     * @throws IllegalArgumentException if the version is malformed (NBF1560), or the id (NBF1550) or that
     *         version of it (NBF1551) is not installed
     */
    <R> R withVersion(String bundleId, String version, VersionOperation<R> op) {
        BundleVersion v = BundleVersion.parse(version);
        return withSlot(bundleId, false, slot -> {
            InstalledBundle b = slot.versions.get(v);
            if (b == null) {
                throw MSG.versionNotInstalled(bundleId, version, slot.versions.keySet());
            }
            return op.apply(slot, b);
        });
    }

    /**
     * Runs {@code op} under the lock of the bundle id's slot, then fires the events it recorded, after
     * the lock is released and even if {@code op} threw. A slot left without versions is dropped.
     *
     * @param create whether to create the slot of an id not installed yet
     * @throws IllegalArgumentException (NBF1550) if the id is not installed and {@code create} is false
     */
    <R> R withSlot(String bundleId, boolean create, Function<BundleSlot, R> op) {
        while (true) {
            BundleSlot slot = create ? slots.computeIfAbsent(bundleId, BundleSlot::new) : slots.get(bundleId);
            if (slot == null) {
                throw MSG.notInstalled(bundleId);
            }
            List<BundleEvent> events;
            slot.lock.lock();
            try {
                if (slot.removed) {
                    continue; // emptied and dropped meanwhile: look again
                }
                try {
                    return op.apply(slot);
                } finally {
                    if (slot.versions.isEmpty()) {
                        slot.removed = true;
                        slots.remove(bundleId, slot);
                    }
                }
            } finally {
                events = slot.takeEvents();
                slot.lock.unlock();
                fire(events);
            }
        }
    }

    /** @return the installed ids, sorted; a snapshot */
    List<String> ids() {
        return slots.keySet().stream().sorted().toList();
    }

    /** @return every installed version, by id then version; without locking */
    List<BundleInfo> infos() {
        List<BundleInfo> all = new ArrayList<>();
        for (String id : ids()) {
            BundleSlot slot = slots.get(id);
            if (slot != null) {
                slot.versions.values().forEach(b -> all.add(b.info()));
            }
        }
        return all;
    }

    /**
     * @return the version, if installed; without locking
     * @throws IllegalArgumentException (NBF1560) if the version is malformed
     */
    Optional<BundleInfo> info(String bundleId, String version) {
        BundleVersion v = BundleVersion.parse(version);
        BundleSlot slot = slots.get(bundleId);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.versions.get(v)).map(InstalledBundle::info);
    }

    /** @return the live version of an id, if there is one; without locking */
    Optional<BundleInfo> liveInfo(String bundleId) {
        BundleSlot slot = slots.get(bundleId);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.live).map(InstalledBundle::info);
    }

    void addListener(BundleListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(BundleListener listener) {
        listeners.remove(listener);
    }

    private void fire(List<BundleEvent> events) {
        for (BundleEvent event : events) {
            for (BundleListener l : listeners) {
                try {
                    l.bundleChanged(event);
                } catch (RuntimeException e) {
                    LOG.listenerFailed(l, event, e);
                }
            }
        }
    }
}
