package io.nbf.metrics;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Where the guard records calls. Implementations are thread-safe. */
public interface CallMetrics {

    /** Records nothing. */
    CallMetrics NONE = new CallMetrics() {
        @Override
        public MethodMetrics method(String spi, String bundle, String version, String method) {
            return MethodMetrics.NONE;
        }

        @Override
        public Runnable breakerGauge(String spi, String bundle, String version, IntSupplier state) {
            return () -> { };
        }

        @Override
        public Runnable bundleGauges(LongSupplier installed, LongSupplier active, LongSupplier live) {
            return () -> { };
        }
    };

    /** @return the metrics of one method of one bundle version; callers cache it */
    MethodMetrics method(String spi, String bundle, String version, String method);

    /**
     * Registers the breaker state gauge of a bundle version.
     *
     * @return what removes it
     */
    Runnable breakerGauge(String spi, String bundle, String version, IntSupplier state);

    /**
     * Registers the gauges of bundle versions installed, active (started), and live (serving), in place of
     * any registered before (e.g. by an earlier container in the same JVM, whose engine is gone).
     *
     * @return what removes them, if they are still the ones registered
     */
    Runnable bundleGauges(LongSupplier installed, LongSupplier active, LongSupplier live);

    /** Stops reporting what it observes (gauges); calls recorded later are dropped or still counted, as the backend does. */
    default void close() {
    }

    /** The metrics of one method of one bundle version. */
    interface MethodMetrics {

        /** Records nothing. */
        MethodMetrics NONE = new MethodMetrics() {
            @Override
            public void success(long nanos) {
            }

            @Override
            public void failure(long nanos) {
            }

            @Override
            public void degraded(DegradationReason reason) {
            }
        };

        void success(long nanos);

        void failure(long nanos);

        void degraded(DegradationReason reason);
    }
}
