package io.nbf.dispatch;

import io.nbf.modules.registry.ServiceEntry;

/** Where {@link Entering} finds the entry to enter: a route, or what a call site derived from one. */
@FunctionalInterface
public interface EntrySource {

    /**
     * The entry to enter now, without entering it.
     *
     * @return the entry, or {@code null} if there is none to enter directly
     */
    ServiceEntry resolve();
}
