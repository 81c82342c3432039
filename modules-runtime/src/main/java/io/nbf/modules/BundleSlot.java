package io.nbf.modules;

import io.nbf.api.management.BundleEvent;
import io.nbf.modules.descriptor.BundleVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * All installed versions of one bundle id, which of them is live, and the versions that were live
 * before (for rollback, most recent first). Every field is written under {@link #lock}; operations on
 * one id are serialized by it, operations on different ids run concurrently. {@link #versions} and
 * {@link #live} may be read without the lock, by queries.
 */
final class BundleSlot {

    final String id;
    final ReentrantLock lock = new ReentrantLock();
    final ConcurrentSkipListMap<BundleVersion, InstalledBundle> versions = new ConcurrentSkipListMap<>();
    final Deque<InstalledBundle> history = new ArrayDeque<>();
    volatile InstalledBundle live;
    /** Set when the slot was removed from the engine; a thread that locked it must look again. */
    boolean removed;
    private final List<BundleEvent> events = new ArrayList<>();

    BundleSlot(String id) {
        this.id = id;
    }

    void event(BundleEvent.Type type, InstalledBundle bundle, InstalledBundle previous) {
        events.add(new BundleEvent(type, bundle.info(), previous == null ? null : previous.info()));
    }

    List<BundleEvent> takeEvents() {
        List<BundleEvent> taken = new ArrayList<>(events);
        events.clear();
        return taken;
    }
}
