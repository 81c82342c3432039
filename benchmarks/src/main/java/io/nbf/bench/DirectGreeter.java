package io.nbf.bench;

import io.nbf.modules.testspi.Greeter;

/** The baseline: the same work as the bundles' Greeter, called directly. */
public final class DirectGreeter implements Greeter {
    @Override
    public String greet(String name) {
        return "Hello " + name;
    }
}
