package io.nbf.modules.testspi;

/** A test SPI: bundles implement it, the host exports its package. */
public interface Greeter {
    String greet(String name);
}
