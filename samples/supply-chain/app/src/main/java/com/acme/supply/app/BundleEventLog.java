package com.acme.supply.app;

import io.nbf.api.management.BundleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the bundle events nbf fires as CDI events (installed, started, switched, stopped...), with the
 * time each arrived, so a scenario can show when a hot deploy or a rollback took effect.
 */
@ApplicationScoped
class BundleEventLog {

    /** An event and when it arrived ({@link System#nanoTime()}). */
    record Entry(long nanoTime, BundleEvent event) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void record(@Observes BundleEvent event) {
        long now = System.nanoTime();
        synchronized (entries) {
            entries.add(new Entry(now, event));
        }
    }

    /** @return the events that arrived at or after {@code sinceNanoTime}, oldest first */
    List<Entry> since(long sinceNanoTime) {
        synchronized (entries) {
            return entries.stream().filter(e -> e.nanoTime() >= sinceNanoTime).toList();
        }
    }
}
