package io.nbf.modules;

import io.nbf.api.management.BundleEvent;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.registry.ServiceRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishing into the registry: makes an active version the live one of its id in one registry step
 * (calls switch over at once), or withdraws it. Keeps the entries calls may still be in flight on, for
 * the drain before the version stops. Called under the id's lock.
 */
final class Publisher {

    private final ServiceRegistry registry;
    /** Orders "last live" between versions, for retention. */
    private final AtomicLong clock = new AtomicLong();

    Publisher(ServiceRegistry registry) {
        this.registry = registry;
    }

    /**
     * Makes an ACTIVE version the live one of its id, replacing the live one if any, and records SWITCHED.
     *
     * @throws IllegalArgumentException if the version's entries do not fit the registry (NBF1590, NBF1591);
     *         cannot happen for a version the engine installed
     */
    void goLive(BundleSlot slot, InstalledBundle b) {
        List<ServiceEntry> entries = new ArrayList<>(b.services.size());
        ClassLoader cl = b.module.classLoader();
        b.started.instances.forEach((spi, instance) -> entries.add(new ServiceEntry(spi, instance, b.descriptor, cl)));
        List<ServiceEntry> replaced = registry.publish(slot.id, entries);
        InstalledBundle previous = slot.live;
        long now = clock.incrementAndGet();
        if (previous != null) {
            previous.published = List.of();
            previous.withdrawn.addAll(replaced);
            previous.live = false;
            previous.lastLive = now;
        }
        b.published = entries;
        b.live = true;
        b.everLive = true;
        b.lastLive = now;
        slot.live = b;
        slot.event(BundleEvent.Type.SWITCHED, b, previous);
    }

    /** Withdraws the live version of its id: the id has no live version afterwards. */
    void withdraw(BundleSlot slot, InstalledBundle b) {
        b.withdrawn.addAll(registry.publish(slot.id, List.of()));
        b.published = List.of();
        b.live = false;
        b.lastLive = clock.incrementAndGet();
        slot.live = null;
    }
}
