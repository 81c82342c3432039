package io.nbf.dispatch;

import io.nbf.modules.registry.ServiceEntry;

/**
 * The one way a call lands on a bundle version: resolve, enter, and resolve again if the entry was
 * retired in between (a version switch withdrew it), so a call always runs on a version that was live
 * when it started, and a draining version sees no new call.
 */
public final class Entering {

    private Entering() {
    }

    /**
     * @return the entered entry (the caller must {@link ServiceEntry#exit()} it), or {@code null} if the
     *         source has none
     */
    public static ServiceEntry enter(EntrySource target) {
        while (true) {
            ServiceEntry e = target.resolve();
            if (e == null || e.tryEnter()) {
                return e;
            }
        }
    }
}
