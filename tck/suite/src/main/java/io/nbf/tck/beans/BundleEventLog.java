package io.nbf.tck.beans;

import io.nbf.api.management.BundleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes nbf's bundle events as CDI events. */
@ApplicationScoped
public class BundleEventLog {

    private final List<String> events = new CopyOnWriteArrayList<>();

    void on(@Observes BundleEvent event) {
        events.add(event.toString());
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
