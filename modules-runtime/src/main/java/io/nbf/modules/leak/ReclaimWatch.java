package io.nbf.modules.leak;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a weak reference to each unloaded bundle's class loader and tells which have not been
 * garbage-collected yet. A name that stays listed after full collections is a leak. Thread-safe.
 */
public final class ReclaimWatch {

    private final ReferenceQueue<ClassLoader> queue = new ReferenceQueue<>();
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();

    private static final class Watched extends WeakReference<ClassLoader> {
        final String bundle;

        Watched(ClassLoader loader, String bundle, ReferenceQueue<ClassLoader> queue) {
            super(loader, queue);
            this.bundle = bundle;
        }
    }

    /**
     * Starts watching an unloaded bundle's class loader.
     *
     * @param bundle the version, {@code id:version}
     * @param loader its class loader
     * @return whether that loader has been collected; holds it weakly only
     */
    public java.util.function.BooleanSupplier watch(String bundle, ClassLoader loader) {
        Watched w = new Watched(loader, bundle, queue);
        watched.add(w);
        return () -> w.get() == null;
    }

    /** @return the bundle versions whose class loader is still reachable, as {@code id:version} */
    public List<String> unreclaimed() {
        for (Object r; (r = queue.poll()) != null; ) {
            watched.remove(r);
        }
        List<String> names = new ArrayList<>();
        for (Watched w : watched) {
            if (w.get() != null) {
                names.add(w.bundle);
            }
        }
        names.sort(null);
        return names;
    }
}
