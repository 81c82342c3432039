package io.nbf.tck.porting;

import java.util.ServiceLoader;

/** Finds the runner's implementations of the porting SPI, through the ServiceLoader of the TCK's class loader. */
public final class Porting {

    private Porting() {
    }

    /**
     * @return the runner's telemetry reader
     * @throws IllegalStateException if the runner provides none: every runner must, the metrics and span tests run everywhere
     */
    public static TelemetryReader telemetry() {
        for (TelemetryReader r : ServiceLoader.load(TelemetryReader.class, Porting.class.getClassLoader())) {
            return r;
        }
        throw new IllegalStateException("the runner provides no " + TelemetryReader.class.getName()
                + " (META-INF/services): it must, to run the TCK's metrics and tracing tests");
    }

    /** @return the runner's health reader, or {@link ReporterHealthReader} */
    public static HealthReader health() {
        for (HealthReader r : ServiceLoader.load(HealthReader.class, Porting.class.getClassLoader())) {
            return r;
        }
        return new ReporterHealthReader();
    }
}
