package io.nbf.cdi.testhost;

/** A host service that bundles may inject (its package is in nbf.exports). */
public interface Clock {
    String now();
}
