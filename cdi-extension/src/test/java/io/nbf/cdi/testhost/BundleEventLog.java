package io.nbf.cdi.testhost;

import io.nbf.api.management.BundleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host bean observing nbf's bundle events. */
@ApplicationScoped
public class BundleEventLog {

    private final List<String> events = new CopyOnWriteArrayList<>();

    void onBundleEvent(@Observes BundleEvent event) {
        events.add(event.toString());
    }

    public List<String> events() {
        return List.copyOf(events);
    }
}
