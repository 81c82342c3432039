package io.nbf.tck.spi;

/** A host service bundles inject (its package is exported). */
public interface Clock {
    /** @return the time, and whether the call ran with the host's context class loader */
    String now();
}
