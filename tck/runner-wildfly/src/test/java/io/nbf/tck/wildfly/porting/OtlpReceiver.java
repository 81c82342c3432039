package io.nbf.tck.wildfly.porting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nbf.tck.porting.TelemetryReader.MetricPoint;
import io.nbf.tck.porting.TelemetryReader.RecordedSpan;
import io.nbf.tck.wildfly.porting.OtlpDecoder.DecodedPoint;
import io.nbf.tck.wildfly.porting.OtlpDecoder.DecodedSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver ({@code application/x-protobuf}, plain or gzip) on 127.0.0.1 that the deployment's
 * OpenTelemetry SDK exports to: {@code POST /v1/metrics} and {@code POST /v1/traces}. It keeps the latest
 * point of every metric stream (scope, name, attributes) and every span.
 *
 * <p><b>One per deployment, on a port of its own.</b> This class is in the deployment (WildFly gives each
 * deployment its own class loader, so its static state is per deployment), as is the SDK that exports to
 * it: WildFly builds one OpenTelemetry SDK per deployment (SmallRye OpenTelemetry's CDI producer) from the
 * deployment's MicroProfile Config, where {@link OtlpEndpointConfigSource} names this receiver's endpoint.
 * So what it holds is exactly what this deployment exported, never a previous test class's late export,
 * and the port (ephemeral) collides with nothing else on the machine.
 *
 * <p>Started on first use ({@link #get()}: the SDK reading its endpoint, or the reader), stopped when the
 * deployment's CDI container shuts down, after the SDK's last flush ({@link OtlpReceiverShutdown}). Its
 * threads are daemons, so a receiver left running never holds the server's JVM up.
 */
final class OtlpReceiver {

    /** How many spans it keeps at most; past it, further spans are counted as dropped, so memory stays bounded. */
    static final int MAX_SPANS = 50_000;

    // java.util.logging: WildFly routes it to server.log, where a run's receivers can be followed
    private static final Logger LOG = Logger.getLogger(OtlpReceiver.class.getName());

    private static OtlpReceiver instance;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String endpoint;
    private final Map<StreamKey, DecodedPoint> metrics = new ConcurrentHashMap<>();
    private final List<DecodedSpan> spans = new ArrayList<>();
    private final AtomicInteger metricExports = new AtomicInteger();
    private final AtomicInteger traceExports = new AtomicInteger();
    private final AtomicInteger droppedSpans = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicReference<String> lastRejection = new AtomicReference<>();

    private record StreamKey(String scope, String name, Map<String, String> attributes) {
    }

    private OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // One handler thread: exports are small and few; requests of the SDK's exporter are serialised anyway.
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "nbf-tck-otlp-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        // HttpServer.start() creates its dispatcher thread with the caller's daemon status, and the caller may be
        // a non-daemon server thread: start it from a daemon thread so that the dispatcher is one too.
        Thread starter = new Thread(server::start, "nbf-tck-otlp-receiver-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            executor.shutdownNow();
            throw new IllegalStateException("interrupted while starting the OTLP receiver on " + endpoint, e);
        }
    }

    /** @return this deployment's receiver, started on the first call */
    static synchronized OtlpReceiver get() {
        if (instance == null) {
            try {
                instance = new OtlpReceiver();
                LOG.info("nbf TCK: OTLP/HTTP receiver listening on " + instance.endpoint);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the TCK's OTLP receiver on 127.0.0.1", e);
            }
        }
        return instance;
    }

    /** Stops this deployment's receiver, if it was started; a later {@link #get()} starts a new one. */
    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.server.stop(0);
            instance.executor.shutdownNow();
            LOG.info("nbf TCK: stopped the " + instance);
            instance = null;
        }
    }

    /** @return the base URL the exporter posts to ({@code /v1/metrics}, {@code /v1/traces} appended) */
    String endpoint() {
        return endpoint;
    }

    /** @return the latest point of every stream of the instrumentation scope {@code scope} */
    List<MetricPoint> metrics(String scope) {
        return metrics.values().stream().filter(p -> p.scope().equals(scope)).map(DecodedPoint::point).toList();
    }

    /** @return every span received so far, of any scope */
    List<RecordedSpan> spans() {
        synchronized (spans) {
            return spans.stream().map(DecodedSpan::span).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !(path.equals("/v1/metrics") || path.equals("/v1/traces"))) {
                reject(exchange, 404, exchange.getRequestMethod() + " " + path + ": this receiver takes POST /v1/metrics and /v1/traces");
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            try {
                if (path.equals("/v1/metrics")) {
                    OtlpDecoder.metrics(body, this::keep);
                    metricExports.incrementAndGet();
                } else {
                    OtlpDecoder.traces(body, this::keep);
                    traceExports.incrementAndGet();
                }
            } catch (RuntimeException e) {
                reject(exchange, 400, "POST " + path + " (" + body.length + " bytes): " + e);
                return;
            }
            // 200 with an empty Export*ServiceResponse (an empty protobuf message: no partial_success)
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void reject(HttpExchange exchange, int status, String why) throws IOException {
        rejected.incrementAndGet();
        lastRejection.set(why);
        byte[] message = why.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, message.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(message);
        }
    }

    private void keep(DecodedPoint point) {
        StreamKey key = new StreamKey(point.scope(), point.point().name(), point.point().attributes());
        metrics.merge(key, point, OtlpReceiver::newer);
    }

    /**
     * Cumulative points replace older ones (exports of one periodic reader may still arrive out of order, so
     * the point's time decides); delta points, should an SDK be configured so, add up to the cumulative figure.
     */
    private static DecodedPoint newer(DecodedPoint kept, DecodedPoint arrived) {
        if (arrived.temporality() == OtlpDecoder.DELTA) {
            MetricPoint k = kept.point();
            MetricPoint a = arrived.point();
            return new DecodedPoint(arrived.service(), arrived.scope(), new MetricPoint(a.name(), a.unit(), a.kind(),
                    a.attributes(), k.value() + a.value(), k.count() + a.count()),
                    Math.max(kept.timeUnixNano(), arrived.timeUnixNano()), arrived.temporality());
        }
        return arrived.timeUnixNano() >= kept.timeUnixNano() ? arrived : kept;
    }

    private void keep(DecodedSpan span) {
        synchronized (spans) {
            if (spans.size() < MAX_SPANS) {
                spans.add(span);
            } else {
                droppedSpans.incrementAndGet();
            }
        }
    }

    /** @return where it listens and a summary of what it received: for the message of a test that waited in vain */
    @Override
    public String toString() {
        Map<String, List<String>> streamsByScope = new TreeMap<>();
        metrics.keySet().forEach(k -> streamsByScope.computeIfAbsent(k.scope(), s -> new ArrayList<>()).add(k.name()));
        String streams = streamsByScope.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().stream().sorted().distinct().collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        String spanSummary;
        synchronized (spans) {
            spanSummary = spans.stream().map(s -> s.scope() + "/" + s.span().name()).distinct().sorted()
                    .limit(40).collect(Collectors.joining(", "));
        }
        String services;
        synchronized (spans) {
            services = Stream.concat(metrics.values().stream().map(DecodedPoint::service),
                    spans.stream().map(DecodedSpan::service)).distinct().map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "OTLP/HTTP receiver on " + endpoint + " (services: " + services + "): "
                + metricExports.get() + " metric exports, " + metrics.size() + " streams {" + streams + "}; "
                + traceExports.get() + " trace exports, " + spans().size() + " spans {" + spanSummary + "}"
                + (droppedSpans.get() > 0 ? ", " + droppedSpans.get() + " spans dropped past " + MAX_SPANS : "")
                + (rejected.get() > 0 ? "; " + rejected.get() + " requests rejected, the last: " + lastRejection.get() : "");
    }
}
