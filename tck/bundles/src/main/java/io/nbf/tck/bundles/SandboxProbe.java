package io.nbf.tck.bundles;

import io.nbf.tck.spi.Probe;

/**
 * Answers {@code load <class>} with {@code own} (a class of this bundle), {@code visible} (from elsewhere)
 * or {@code hidden} (not loadable), and {@code tccl} with whether the call runs with the bundle's
 * class loader as the context class loader.
 */
public class SandboxProbe implements Probe {

    @Override
    public String probe(String question) {
        if (question.equals("tccl")) {
            return Thread.currentThread().getContextClassLoader() == SandboxProbe.class.getClassLoader() ? "bundle" : "other";
        }
        if (question.startsWith("load ")) {
            try {
                Class<?> c = Class.forName(question.substring(5));
                return c.getClassLoader() == SandboxProbe.class.getClassLoader() ? "own" : "visible";
            } catch (ClassNotFoundException | LinkageError e) {
                return "hidden";
            }
        }
        return "unknown question " + question;
    }
}
