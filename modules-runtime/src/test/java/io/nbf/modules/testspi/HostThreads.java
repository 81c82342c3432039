package io.nbf.modules.testspi;

import java.util.ArrayList;
import java.util.List;

/** Host code a bundle may call that starts a host thread (which inherits the caller's context class loader). */
public final class HostThreads {

    private static final List<Thread> STARTED = new ArrayList<>();

    private HostThreads() {
    }

    public static synchronized String startHostWorker(String name) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // asked to stop
            }
        }, name);
        t.setDaemon(true);
        t.start();
        STARTED.add(t);
        return name;
    }

    public static synchronized void stopAll() throws InterruptedException {
        for (Thread t : STARTED) {
            t.interrupt();
            t.join(5000);
        }
        STARTED.clear();
    }
}
