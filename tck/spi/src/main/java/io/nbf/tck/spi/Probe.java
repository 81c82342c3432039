package io.nbf.tck.spi;

/** Asks a bundle about its own sandbox: {@code load <class name>} answers own, visible or hidden. */
public interface Probe {
    String probe(String question);
}
