package io.nbf.tck.beans;

import io.nbf.tck.spi.Clock;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The host's {@link Clock}. It reports whether it is called with a context class loader that sees host
 * classes: host code called from a bundle must not run with the bundle's.
 */
@ApplicationScoped
public class FixedClock implements Clock {

    @Override
    public String now() {
        try {
            Class.forName(FixedClock.class.getName(), false, Thread.currentThread().getContextClassLoader());
            return "12:00";
        } catch (ClassNotFoundException e) {
            return "12:00 (with a bundle's context class loader)";
        }
    }
}
