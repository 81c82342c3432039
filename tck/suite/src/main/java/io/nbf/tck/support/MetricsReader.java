package io.nbf.tck.support;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.util.AnnotationLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads nbf's counters from the container's MicroProfile Metrics application registry. The Metrics API
 * is touched only after {@link #available()} found it, so the TCK loads where it is absent.
 */
public final class MetricsReader {

    private MetricsReader() {
    }

    /** @return whether the MicroProfile Metrics API and an application registry bean are present */
    public static boolean available() {
        try {
            Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false, MetricsReader.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return Registry.resolvable();
    }

    /**
     * @param reason the {@code reason} tag, or {@code null} for none
     * @return the count, 0 if the counter does not exist yet
     */
    public static long counter(String name, String bundle, String method, String reason) {
        return Registry.counter(name, bundle, method, reason);
    }

    /** Holds every reference to the Metrics API. */
    private static final class Registry {

        @SuppressWarnings("deprecation")
        private static final class Application extends AnnotationLiteral<org.eclipse.microprofile.metrics.annotation.RegistryType>
                implements org.eclipse.microprofile.metrics.annotation.RegistryType {
            private static final long serialVersionUID = 1L;

            @Override
            public org.eclipse.microprofile.metrics.MetricRegistry.Type type() {
                return org.eclipse.microprofile.metrics.MetricRegistry.Type.APPLICATION;
            }
        }

        static boolean resolvable() {
            try {
                return CDI.current().select(org.eclipse.microprofile.metrics.MetricRegistry.class, new Application()).isResolvable();
            } catch (IllegalArgumentException notAQualifierHere) {
                // a container without MP Metrics need not know @RegistryType as a qualifier: Quarkus' ArC
                // then rejects the selection ("not a registered qualifier") rather than finding no bean
                return false;
            }
        }

        static long counter(String name, String bundle, String method, String reason) {
            org.eclipse.microprofile.metrics.MetricRegistry registry =
                    CDI.current().select(org.eclipse.microprofile.metrics.MetricRegistry.class, new Application()).get();
            List<org.eclipse.microprofile.metrics.Tag> tags = new ArrayList<>(List.of(
                    new org.eclipse.microprofile.metrics.Tag("spi", "io.nbf.tck.spi.PriceService"),
                    new org.eclipse.microprofile.metrics.Tag("bundle", bundle),
                    new org.eclipse.microprofile.metrics.Tag("version", "1.0"),
                    new org.eclipse.microprofile.metrics.Tag("method", method)));
            if (reason != null) {
                tags.add(new org.eclipse.microprofile.metrics.Tag("reason", reason));
            }
            org.eclipse.microprofile.metrics.Counter c = registry.getCounters().get(
                    new org.eclipse.microprofile.metrics.MetricID(name, tags.toArray(new org.eclipse.microprofile.metrics.Tag[0])));
            return c == null ? 0 : c.getCount();
        }
    }
}
