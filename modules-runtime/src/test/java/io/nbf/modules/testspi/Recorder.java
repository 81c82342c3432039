package io.nbf.modules.testspi;

import java.util.ArrayList;
import java.util.List;

/** Shared by host and bundles (its package is exported): bundles record what happened to them. */
public final class Recorder {

    private static final List<String> EVENTS = new ArrayList<>();

    private Recorder() {
    }

    public static synchronized void record(String event) {
        EVENTS.add(event);
    }

    public static synchronized List<String> events() {
        return new ArrayList<>(EVENTS);
    }

    public static synchronized void clear() {
        EVENTS.clear();
    }
}
