package io.nbf.tck.porting;

/**
 * The TCK's porting SPI for MicroProfile Health: the container's health report, as the host serves it.
 * The default, {@link ReporterHealthReader}, asks SmallRye Health's reporter bean in the application
 * (Weld SE, Quarkus); a runner whose host reports elsewhere (WildFly, on its management interface)
 * provides one through {@code META-INF/services/io.nbf.tck.porting.HealthReader}. Runs in the container.
 */
public interface HealthReader {

    /** The kinds of check, and the path each is served under ({@code /health/<path>}). */
    enum Kind {
        STARTUP("started"), READINESS("ready"), LIVENESS("live");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        /** @return {@code started}, {@code ready} or {@code live} */
        public String path() {
            return path;
        }
    }

    /** @return the report of one kind of check, the JSON MicroProfile Health specifies ({@code status}, {@code checks}) */
    String report(Kind kind);
}
