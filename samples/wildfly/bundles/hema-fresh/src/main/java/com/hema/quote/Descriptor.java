package com.hema.quote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads this bundle's id and version from its own descriptor, so answers name the version really serving. */
final class Descriptor {

    private Descriptor() {
    }

    /** @return {id, version} of the bundle {@code bundleClass} belongs to */
    static String[] label(Class<?> bundleClass) {
        try (InputStream in = bundleClass.getClassLoader().getResourceAsStream("META-INF/nbf-bundle.properties")) {
            if (in == null) {
                throw new IllegalStateException(bundleClass.getName() + " is not in an nbf bundle");
            }
            Properties p = new Properties();
            p.load(in);
            return new String[] {p.getProperty("id"), p.getProperty("version")};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
