package com.acme.supply.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The label a bundle puts in front of its answers: its id and version, read from its own descriptor,
 * so the version shown is always the one the POM put there and never a second copy in code.
 */
public final class BundleLabel {

    private static final String DESCRIPTOR = "META-INF/nbf-bundle.properties";

    private BundleLabel() {
    }

    /**
     * @param bundleClass a class of the bundle; its class loader is the bundle's, which sees the
     *        bundle's own descriptor first
     * @return {@code "<id> <version>"}, e.g. {@code "hema-fresh 1.0.0"}
     * @throws IllegalStateException if the class does not come from an nbf bundle
     */
    public static String of(Class<?> bundleClass) {
        ClassLoader loader = bundleClass.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalStateException(bundleClass.getName() + " has no " + DESCRIPTOR + ": it is not in an nbf bundle");
            }
            Properties descriptor = new Properties();
            descriptor.load(in);
            return descriptor.getProperty("id") + " " + descriptor.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the descriptor of " + bundleClass.getName(), e);
        }
    }
}
