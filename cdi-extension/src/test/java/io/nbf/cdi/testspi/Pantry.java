package io.nbf.cdi.testspi;

/** A super-interface: its methods are routed too. */
public interface Pantry {
    Object fetch(String item);
}
