package io.nbf.modules.hidden;

/** A host interface in a package that is never exported: a bundle implementing it is rejected. */
public interface HiddenSpi {
    String run();
}
