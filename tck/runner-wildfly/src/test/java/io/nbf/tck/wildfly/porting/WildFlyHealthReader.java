package io.nbf.tck.wildfly.porting;

import io.nbf.tck.porting.HealthReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The TCK's {@link HealthReader} on WildFly: MicroProfile Health is served by the server, not the
 * application, on the management interface ({@code http://127.0.0.1:<management port>/health/<kind>}, the
 * health subsystems of {@code standalone-microprofile.xml}, with {@code security-enabled="false"}). It
 * aggregates the checks of every deployment; the TCK deploys one test class at a time.
 *
 * <p>The management port comes from the system property {@value #PORT_PROPERTY}, which the runner's
 * {@code arquillian.xml} passes to the server's JVM ({@code javaVmArguments}). Registered in the deployment's
 * {@code META-INF/services/io.nbf.tck.porting.HealthReader}.
 */
public final class WildFlyHealthReader implements HealthReader {

    /** The system property holding the management interface's HTTP port (with the port offset applied). */
    public static final String PORT_PROPERTY = "tck.wildfly.management-port";

    private static final int TIMEOUT_MILLIS = 10_000;

    /**
     * @return the body of {@code GET /health/<kind>}: MicroProfile Health answers 200 when the status is UP
     *         and 503 when it is DOWN, with the JSON report either way
     * @throws IllegalStateException when the port is not set, or the server answers anything else
     */
    @Override
    public String report(Kind kind) {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null || port.isBlank()) {
            throw new IllegalStateException("the system property " + PORT_PROPERTY
                    + " (the management port) is not set in the server: arquillian.xml's javaVmArguments must pass it");
        }
        URI uri = URI.create("http://127.0.0.1:" + port.trim() + "/health/" + kind.path());
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setRequestProperty("Accept", "application/json");
            try {
                int status = connection.getResponseCode();
                InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
                String body = in == null ? "" : readAll(in);
                if (status != 200 && status != 503) {
                    throw new IllegalStateException("GET " + uri + " answered " + status + ": " + body);
                }
                return body;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot GET " + uri, e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
