package io.nbf.modules.mdc;

import org.jboss.logging.MDC;

/**
 * Puts the bundle that runs into the logging MDC, and takes it out again: {@value #BUNDLE_ID},
 * {@value #BUNDLE_VERSION} and {@value #SPI}. Written to JBoss Logging's MDC, which is the MDC of WildFly's and
 * Quarkus' log manager (and of Logback or Log4j 2 when JBoss Logging delegates to them), and to SLF4J's as
 * well when the host has SLF4J and its MDC is a store of its own (SLF4J bound to java.util.logging, say).
 *
 * <p>Usage: {@code Object saved = BundleMdc.enter(id, version, spi); try { ... } finally { BundleMdc.exit(saved); }}.
 * {@link #exit} restores what the keys held before, so nested calls (a bundle calling another) unwind to
 * their caller's bundle. Thread-confined, like the MDC.
 */
public final class BundleMdc {

    /** The id of the bundle that runs. */
    public static final String BUNDLE_ID = "nbf.bundle.id";
    /** Its version. */
    public static final String BUNDLE_VERSION = "nbf.bundle.version";
    /** The SPI called; during a hook, the SPIs the bundle provides, comma-separated. */
    public static final String SPI = "nbf.spi";

    private static final Slf4j SLF4J = Slf4j.separateStore();

    private BundleMdc() {
    }

    /**
     * Puts the three keys; never throws for {@code null} values (a key with no value is removed).
     *
     * @return what {@link #exit} restores
     */
    public static Object enter(String bundleId, String version, String spi) {
        Object[] saved = {put(BUNDLE_ID, bundleId), put(BUNDLE_VERSION, version), put(SPI, spi), null};
        if (SLF4J != null) {
            saved[3] = SLF4J.enter(bundleId, version, spi);
        }
        return saved;
    }

    /** Restores what the keys held before {@link #enter} returned {@code saved}. */
    public static void exit(Object saved) {
        Object[] s = (Object[]) saved;
        if (s[3] != null) {
            SLF4J.exit((String[]) s[3]);
        }
        restore(SPI, s[2]);
        restore(BUNDLE_VERSION, s[1]);
        restore(BUNDLE_ID, s[0]);
    }

    private static Object put(String key, String value) {
        if (value != null) {
            return MDC.put(key, value);
        }
        Object previous = MDC.get(key);
        MDC.remove(key);
        return previous;
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    /**
     * SLF4J's MDC, where it is not the store JBoss Logging writes to. Loaded only when SLF4J is on the class
     * path: every reference to it is in this class.
     */
    private static final class Slf4j {

        private static final String PROBE = "nbf.mdc.probe";

        /** @return SLF4J's MDC, if present, working (not SLF4J's no-op one) and not the store JBoss Logging writes to; else {@code null} */
        static Slf4j separateStore() {
            try {
                Class.forName("org.slf4j.MDC", false, BundleMdc.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
            try {
                MDC.put(PROBE, "jboss");
                boolean shared = "jboss".equals(org.slf4j.MDC.get(PROBE));
                MDC.remove(PROBE);
                if (shared) {
                    org.slf4j.MDC.remove(PROBE);
                    return null;
                }
                org.slf4j.MDC.put(PROBE, "slf4j");
                boolean works = "slf4j".equals(org.slf4j.MDC.get(PROBE));
                org.slf4j.MDC.remove(PROBE);
                return works ? new Slf4j() : null;
            } catch (RuntimeException | LinkageError e) {
                return null; // an SLF4J without a usable MDC: JBoss Logging's MDC serves alone
            }
        }

        String[] enter(String bundleId, String version, String spi) {
            String[] saved = {org.slf4j.MDC.get(BUNDLE_ID), org.slf4j.MDC.get(BUNDLE_VERSION), org.slf4j.MDC.get(SPI)};
            set(BUNDLE_ID, bundleId);
            set(BUNDLE_VERSION, version);
            set(SPI, spi);
            return saved;
        }

        void exit(String[] saved) {
            set(SPI, saved[2]);
            set(BUNDLE_VERSION, saved[1]);
            set(BUNDLE_ID, saved[0]);
        }

        private static void set(String key, String value) {
            if (value == null) {
                org.slf4j.MDC.remove(key);
            } else {
                org.slf4j.MDC.put(key, value);
            }
        }
    }
}
