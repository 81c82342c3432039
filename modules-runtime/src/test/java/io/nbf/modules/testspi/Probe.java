package io.nbf.modules.testspi;

/** A test SPI whose implementations answer questions about their own environment. */
public interface Probe {
    String probe(String question);
}
