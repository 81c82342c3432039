package com.acme.quote.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator sees of the sample, as README.md's "Metrics, spans and health" shows it: the health checks of
 * nbf-health on WildFly's management interface, and, with the OpenTelemetry logging exporters the WAR's
 * {@code microprofile-config.properties} turns on, nbf's span per routed call and its {@code nbf.calls} metric in
 * the managed server's {@code standalone/log/server.log}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ObservabilityIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** How long to wait for a health status or a log line (metrics are exported every 2 s). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    public static WebArchive war() {
        File war = new File(System.getProperty("sample.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> app(String path) throws Exception {
        return get(URI.create(base.toExternalForm()).resolve(path));
    }

    /** {@code GET http://127.0.0.1:<management port>/health/<kind>}, until it is UP (200) or patience runs out. */
    private static HttpResponse<String> health(String kind) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + System.getProperty("sample.wildfly.management-port") + "/health/" + kind);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> response = get(uri);
        while (response.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = get(uri);
        }
        return response;
    }

    /** The JSON object of the check {@code name} in a MicroProfile Health report. */
    private static String check(String report, String name) {
        Matcher m = Pattern.compile("\\{\\s*\"name\"\\s*:\\s*\"" + Pattern.quote(name) + "\".*?\\}\\s*\\}").matcher(report);
        assertThat(m.find()).as("check %s in %s", name, report).isTrue();
        return m.group();
    }

    @Test
    void readinessListsTheBundlesAndTheRequiredOnes() throws Exception {
        HttpResponse<String> response = health("ready");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String check = check(response.body(), "nbf-bundles");
        assertThat(check.replaceAll("\\s", ""))
                .contains("\"status\":\"UP\"")
                .contains("\"hema-fresh:1.0.0\":\"ACTIVE,live\"")
                .contains("\"rt-mart:1.0.0\":\"ACTIVE,live\"")
                .contains("\"required\":\"hema-fresh,rt-mart\"")
                .contains("\"unreclaimed\":\"none\"")
                .doesNotContain("\"problem\"");
    }

    @Test
    void startupSaysTheBundleDirectoryIsDeployed() throws Exception {
        HttpResponse<String> response = health("started");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String check = check(response.body(), "nbf-deployment");
        assertThat(check.replaceAll("\\s", ""))
                .contains("\"status\":\"UP\"")
                .contains("\"hema-fresh:1.0.0\":\"ACTIVE,live\"")
                .contains("\"rt-mart:1.0.0\":\"ACTIVE,live\"");
    }

    @Test
    void aRoutedCallIsASpanInTheServerLog() throws Exception {
        ServerLog log = ServerLog.fromNow();
        HttpResponse<String> response = app("api/quote?sku=apple&qty=2");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        // the logging span exporter: 'QuoteService.quote' : <trace id> <span id> INTERNAL [tracer: io.nbf:...] AttributesMap{data={...}}
        String span = log.await("nbf's span of GET api/quote", line -> line.contains("'QuoteService.quote' : ")
                && line.contains(" INTERNAL [tracer: io.nbf:"));
        assertThat(span)
                .contains("nbf.bundle.id=hema-fresh")
                .contains("nbf.bundle.version=1.0.0")
                .contains("nbf.spi=com.acme.quote.QuoteService")
                .contains("nbf.method=quote")
                .contains("nbf.route=ID hema-fresh");

        // a child of the request's span (WildFly's Jakarta REST instrumentation): the same trace
        Matcher ids = Pattern.compile("'QuoteService\\.quote' : (\\p{XDigit}{32}) ").matcher(span);
        assertThat(ids.find()).as(span).isTrue();
        String trace = ids.group(1);
        String request = log.await("the request's span in trace " + trace, line -> line.contains("'GET /nbf-sample-wildfly/api/quote' : " + trace + " "));
        assertThat(request).contains(" SERVER [tracer: ").contains("url.query=sku=apple&qty=2");
    }

    @Test
    void callsAreCountedInTheServerLog() throws Exception {
        ServerLog log = ServerLog.fromNow();
        HttpResponse<String> response = app("api/quote/rt-mart?sku=apple");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        // the logging metric exporter, every otel.metric.export.interval: one line per metric, ImmutableMetricData{...}
        String metric = log.await("nbf.calls of rt-mart", line -> line.contains("name=nbf.calls,")
                && line.contains("rt-mart"));
        assertThat(metric)
                .contains("InstrumentationScopeInfo{name=io.nbf,")
                .contains("unit={call}")
                .contains("nbf.bundle.id=\"rt-mart\"")
                .contains("nbf.bundle.version=\"1.0.0\"")
                .contains("nbf.spi=\"com.acme.quote.QuoteService\"")
                .contains("nbf.method=\"quote\"");
    }

    /** The managed server's {@code standalone/log/server.log}, from the length it had when this was made. */
    private record ServerLog(Path file, long from) {

        static ServerLog fromNow() throws IOException {
            Path file = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
            return new ServerLog(file, Files.size(file));
        }

        String await(String what, Predicate<String> wanted) throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                Optional<String> line = lines().stream().filter(wanted).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no line of " + what + " in " + file + " within " + PATIENCE
                            + " after offset " + from);
                }
                Thread.sleep(250);
            }
        }

        private List<String> lines() throws IOException {
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                byte[] bytes = new byte[(int) Math.max(0, length - from)];
                in.seek(Math.min(from, length));
                in.readFully(bytes);
                return new String(bytes, StandardCharsets.UTF_8).lines().toList();
            }
        }
    }
}
