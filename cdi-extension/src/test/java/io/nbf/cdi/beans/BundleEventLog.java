package io.nbf.cdi.beans;

import io.nbf.api.management.BundleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A host bean observing nbf's bundle events. The TCK has the same bean ({@code io.nbf.tck.beans.BundleEventLog});
 * this module cannot use it: a CDI bean in io.nbf outside io.nbf.cdi on this module's test class path breaks
 * ArchitectureTest, and the TCK's beans must stay in nbf-tck-suite, the JAR the Quarkus runner indexes.
 */
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
