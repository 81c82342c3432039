package io.nbf.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the JMH JSON files of a run ({@code <dir>/<group>.json}, as {@code run.sh} writes them) and writes
 * {@code <dir>/summary.md}: one table per figure of docs/BENCHMARKS.md, each row with the score and its
 * error, the median, the baseline measured in the same run, the difference or ratio, the target and
 * PASS / MISS ("not run" where a result file or benchmark is missing, "info" for rows without a target).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.nbf.bench.Summary [results-dir]} (default
 * {@code results}), or {@code java -jar benchmarks.jar summary [results-dir]}.
 */
public final class Summary {

    private Summary() {
    }

    /** How a row's value is judged. */
    enum Check {
        /** value - baseline <= target. */
        DIFF_AT_MOST("<= baseline + %s"),
        /** value / baseline <= target. */
        RATIO_AT_MOST("<= %sx baseline"),
        /** value / baseline >= target. */
        RATIO_AT_LEAST(">= %sx baseline"),
        /** value <= target. */
        AT_MOST("<= %s"),
        /** value - baseline and value / baseline shown, no target. */
        INFO("-");

        final String format;

        Check(String format) {
            this.format = format;
        }
    }

    /** Which result: file (group), benchmark method, parameters, metric (null: primary). */
    record Ref(String file, String benchmark, Map<String, String> params, String metric) {
        static Ref of(String file, String benchmark, String... params) {
            Map<String, String> p = new LinkedHashMap<>();
            for (int i = 0; i + 1 < params.length; i += 2) {
                p.put(params[i], params[i + 1]);
            }
            return new Ref(file, benchmark, p, null);
        }

        Ref metric(String name) {
            return new Ref(file, benchmark, params, name);
        }

        String label() {
            StringBuilder sb = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1));
            params.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            if (metric != null) {
                sb.append(" [").append(metric).append(']');
            }
            return sb.toString();
        }
    }

    /** One row of a table. */
    record Row(String figure, Ref value, Ref baseline, Check check, double target, String unit) {
    }

    /** One table: a figure group. */
    record Table(String title, String note, List<Row> rows) {
    }

    /** A number read from the JSON, converted to the row's unit. */
    record Value(double score, double error, double median, String unit, double allocBytesPerOp) {
    }

    static List<Table> tables() {
        List<Table> t = new ArrayList<>();
        String r = "routing";
        Ref direct = Ref.of(r, "RoutingBenchmark.direct");
        String cdi = "cdi";
        String cdi2 = "cdi-2t";
        Ref jdk = Ref.of(cdi, "CdiCallBenchmark.jdkProxy");
        Ref bare = Ref.of(cdi, "CdiCallBenchmark.smallRyeGuard");
        Ref cdiDirect = Ref.of(cdi, "CdiCallBenchmark.direct");
        t.add(new Table("What a user pays per call: the @DynamicInject path through Weld SE, beside the peers",
                "A @Dependent bean's @DynamicInject field, Weld SE with the documented stack (SmallRye Config, SmallRye Fault "
                        + "Tolerance, smallrye-opentelemetry-cdi over the SDK), 1 thread; the peers in the same run.",
                List.of(
                        new Row("JDK proxy + map lookup + Method.invoke", jdk, cdiDirect, Check.INFO, 0, "ns/op"),
                        new Row("Resilience4j breaker, slow-call rule", Ref.of(cdi, "CdiCallBenchmark.resilience4jBreaker"), cdiDirect, Check.INFO, 0, "ns/op"),
                        new Row("SmallRye Guard, breaker", bare, cdiDirect, Check.INFO, 0, "ns/op"),
                        new Row("SmallRye TypedGuard, breaker + fallback", Ref.of(cdi, "CdiCallBenchmark.smallRyeTypedGuard"), cdiDirect, Check.INFO, 0, "ns/op"),
                        new Row("Sentinel slow-ratio degrade rule", Ref.of(cdi, "CdiCallBenchmark.sentinelDegrade"), cdiDirect, Check.INFO, 0, "ns/op"),
                        new Row("nbf, default route, no guard, observation off", Ref.of(cdi, "CdiCallBenchmark.nbfRoutedDefault"), jdk, Check.DIFF_AT_MOST, 2, "ns/op"),
                        new Row("nbf, ID route, no guard, observation off", Ref.of(cdi, "CdiCallBenchmark.nbfRoutedId"), jdk, Check.DIFF_AT_MOST, 2, "ns/op"),
                        new Row("nbf, guarded, observation off", Ref.of(cdi, "CdiCallBenchmark.nbfGuardedObservationOff"), bare, Check.RATIO_AT_MOST, 1.25, "ns/op"),
                        new Row("nbf, guarded, metrics + MDC, no spans, FT metrics off", Ref.of(cdi, "CdiCallBenchmark.nbfGuardedNoTracing"), bare, Check.INFO, 0, "ns/op"),
                        new Row("nbf, guarded, defaults with FT metrics off", Ref.of(cdi, "CdiCallBenchmark.nbfGuardedFtMetricsOff"), bare, Check.INFO, 0, "ns/op"),
                        new Row("nbf, guarded, the documented defaults", Ref.of(cdi, "CdiCallBenchmark.nbfGuardedDefaults"), bare, Check.RATIO_AT_MOST, 1.5, "ns/op"),
                        new Row("nbf, guarded, the documented defaults: bytes per call",
                                Ref.of(cdi, "CdiCallBenchmark.nbfGuardedDefaults").metric("gc.alloc.rate.norm"), null, Check.AT_MOST, 1024, "B/op"))));
        t.add(new Table("The same at 2 threads",
                "Time per call at 2 threads (each thread's average), against the same benchmark at 1 thread.",
                List.of(
                        new Row("nbf, guarded, the documented defaults", Ref.of(cdi2, "CdiCallBenchmark.nbfGuardedDefaults"),
                                Ref.of(cdi, "CdiCallBenchmark.nbfGuardedDefaults"), Check.RATIO_AT_MOST, 1.3, "ns/op"),
                        new Row("nbf, guarded, observation off", Ref.of(cdi2, "CdiCallBenchmark.nbfGuardedObservationOff"),
                                Ref.of(cdi, "CdiCallBenchmark.nbfGuardedObservationOff"), Check.INFO, 0, "ns/op"),
                        new Row("SmallRye Guard, breaker", Ref.of(cdi2, "CdiCallBenchmark.smallRyeGuard"), bare, Check.INFO, 0, "ns/op"),
                        new Row("Resilience4j breaker", Ref.of(cdi2, "CdiCallBenchmark.resilience4jBreaker"),
                                Ref.of(cdi, "CdiCallBenchmark.resilience4jBreaker"), Check.INFO, 0, "ns/op"),
                        new Row("Sentinel degrade rule", Ref.of(cdi2, "CdiCallBenchmark.sentinelDegrade"),
                                Ref.of(cdi, "CdiCallBenchmark.sentinelDegrade"), Check.INFO, 0, "ns/op"))));
        t.add(new Table("Routed call, default and ID route, no guard",
                "Baseline: the direct call on the same implementation (a string concat, ~10 ns of work), same run.",
                List.of(
                        new Row("default route", Ref.of(r, "RoutingBenchmark.routedDefault"), direct, Check.DIFF_AT_MOST, 5, "ns/op"),
                        new Row("default route", Ref.of(r, "RoutingBenchmark.routedDefault"), direct, Check.RATIO_AT_MOST, 1.5, "ns/op"),
                        new Row("ID route", Ref.of(r, "RoutingBenchmark.routedId"), direct, Check.DIFF_AT_MOST, 5, "ns/op"),
                        new Row("ID route", Ref.of(r, "RoutingBenchmark.routedId"), direct, Check.RATIO_AT_MOST, 1.5, "ns/op"),
                        new Row("ID route through the guard's dispatcher, nothing configured (info)",
                                Ref.of(r, "RoutingBenchmark.routedIdThroughGuard"), direct, Check.INFO, 0, "ns/op"))));
        t.add(new Table("Routed call, REG, RULE, DynamicInvoker", "Baseline: the direct call, same run.",
                List.of(
                        new Row("REG route", Ref.of(r, "RoutingBenchmark.routedRegex"), direct, Check.DIFF_AT_MOST, 20, "ns/op"),
                        new Row("RULE route", Ref.of(r, "RoutingBenchmark.routedRule"), direct, Check.DIFF_AT_MOST, 20, "ns/op"),
                        new Row("DynamicInvoker by id", Ref.of(r, "RoutingBenchmark.invokerById"), direct, Check.DIFF_AT_MOST, 20, "ns/op"),
                        new Row("DynamicInvoker by params", Ref.of(r, "RoutingBenchmark.invokerByParams"), direct, Check.DIFF_AT_MOST, 20, "ns/op"))));
        String g = "guard";
        Ref typed = Ref.of(g, "GuardBenchmark.bareTypedGuard");
        t.add(new Table("Fully guarded routed call",
                "Route + breaker + degradation + slow-call detection + metrics, against a bare SmallRye TypedGuard "
                        + "(breaker + fallback) around the direct call, same run.",
                List.of(
                        new Row("guarded routed call", Ref.of(g, "GuardBenchmark.guardedRouted"), typed, Check.RATIO_AT_MOST, 1.1, "ns/op"),
                        new Row("the same observed by nothing", Ref.of(g, "GuardBenchmark.guardedRoutedNoMetrics"), typed, Check.INFO, 0, "ns/op"),
                        new Row("the same, metrics and MDC, no spans", Ref.of(g, "GuardBenchmark.guardedRoutedNoTracing"), typed, Check.INFO, 0, "ns/op"),
                        new Row("bare SmallRye Guard (breaker)", Ref.of(g, "GuardBenchmark.bareGuard"), typed, Check.INFO, 0, "ns/op"))));
        String s = "slowcall";
        Ref baselineOnly = Ref.of(s, "SlowCallBenchmark.routedBaselineOnly");
        t.add(new Table("Slow-call (baseline) detection alone",
                "`baseline=100ms` only (it brings the breaker it feeds), against the routed call without it; second row: "
                        + "against `breaker=true` alone, i.e. the detection's own increment. No timer thread: threads started "
                        + "during the measurement iterations must stay 0.",
                List.of(
                        new Row("baseline only vs unguarded routed call", baselineOnly, Ref.of(s, "SlowCallBenchmark.routedUnguarded"),
                                Check.DIFF_AT_MOST, 50, "ns/op"),
                        new Row("baseline only vs breaker only", baselineOnly, Ref.of(s, "SlowCallBenchmark.routedBreakerOnly"),
                                Check.DIFF_AT_MOST, 50, "ns/op"),
                        new Row("threads started per iteration", baselineOnly.metric("threadsStarted"), null, Check.AT_MOST, 0, "#"))));
        String c = "scale";
        List<Row> scale = new ArrayList<>();
        for (String kind : List.of("Regex", "Rule")) {
            Ref at10 = Ref.of(c, "BundleCountBenchmark.routed" + kind, "bundles", "10");
            scale.add(new Row((kind.equals("Regex") ? "REG" : "RULE") + " route, 1,000 bundles",
                    Ref.of(c, "BundleCountBenchmark.routed" + kind, "bundles", "1000"), at10, Check.INFO, 0, "ns/op"));
            scale.add(new Row((kind.equals("Regex") ? "REG" : "RULE") + " route, 10,000 bundles",
                    Ref.of(c, "BundleCountBenchmark.routed" + kind, "bundles", "10000"), at10, Check.RATIO_AT_MOST, 1.5, "ns/op"));
        }
        for (String kind : List.of("Regex", "Rule")) {
            scale.add(new Row("route computation after a registry change, " + (kind.equals("Regex") ? "REG" : "RULE") + ", 10,000 bundles",
                    Ref.of("scale-select", "BundleCountBenchmark.select" + kind, "bundles", "10000"),
                    Ref.of("scale-select", "BundleCountBenchmark.select" + kind, "bundles", "10"), Check.INFO, 0, "ns/op"));
        }
        t.add(new Table("RULE and REG route with 10, 1,000 and 10,000 installed bundles",
                "Baseline: the same route with 10 bundles, same run.", scale));
        String th = "threads";
        t.add(new Table("1 vs 2 threads, routed call throughput", "Total throughput of 2 threads against 1 thread, same run.",
                List.of(
                        new Row("routed call (ID, no guard)", Ref.of(th, "ThreadScalingBenchmark.routed2Threads"),
                                Ref.of(th, "ThreadScalingBenchmark.routed1Thread"), Check.RATIO_AT_LEAST, 1.7, "ops/us"),
                        new Row("direct call (what the machine gives)", Ref.of(th, "ThreadScalingBenchmark.direct2Threads"),
                                Ref.of(th, "ThreadScalingBenchmark.direct1Thread"), Check.INFO, 0, "ops/us"),
                        new Row("fully guarded routed call", Ref.of(th, "ThreadScalingBenchmark.guarded2Threads"),
                                Ref.of(th, "ThreadScalingBenchmark.guarded1Thread"), Check.INFO, 0, "ops/us"))));
        List<Row> lifecycle = new ArrayList<>();
        for (String size : List.of("small", "large")) {
            String n = size.equals("small") ? "small (5 classes)" : "larger (50 classes)";
            lifecycle.add(new Row(n + ", warm", Ref.of("lifecycle-warm", "BundleLifecycleBenchmark.installAndStart", "size", size),
                    null, Check.AT_MOST, 2, "ms/op"));
            lifecycle.add(new Row(n + ", first in a fresh JVM", Ref.of("lifecycle-cold", "BundleLifecycleBenchmark.installAndStart", "size", size),
                    null, Check.AT_MOST, 60, "ms/op"));
            lifecycle.add(new Row(n + ", engine creation + first install in a fresh JVM",
                    Ref.of("lifecycle-cold", "BundleLifecycleBenchmark.engineInstallAndStart", "size", size), null, Check.INFO, 0, "ms/op"));
        }
        t.add(new Table("Bundle install + start (+ first call)", "Single-shot times; cold: one sample per fresh JVM.", lifecycle));
        String sw = "switch";
        t.add(new Table("Version switch, rollback", "Two installed, started versions of one bundle.",
                List.of(
                        new Row("switch", Ref.of(sw, "VersionSwitchBenchmark.switchVersion", "others", "0"), null, Check.AT_MOST, 100, "us/op"),
                        new Row("rollback", Ref.of(sw, "VersionSwitchBenchmark.rollback", "others", "0"), null, Check.AT_MOST, 100, "us/op"),
                        new Row("switch, 1,000 other live bundles of the SPI", Ref.of(sw, "VersionSwitchBenchmark.switchVersion", "others", "1000"),
                                null, Check.INFO, 0, "us/op"),
                        new Row("rollback, 1,000 other live bundles of the SPI", Ref.of(sw, "VersionSwitchBenchmark.rollback", "others", "1000"),
                                null, Check.INFO, 0, "us/op"))));
        Ref mem = Ref.of("memory", "BundleMemoryBenchmark.installMany", "bundles", "1000");
        t.add(new Table("Heap + metaspace per installed small bundle (1,000 installed)", "After full collections, used heap and metaspace.",
                List.of(
                        new Row("heap + metaspace", mem.metric("totalKiBPerBundle"), null, Check.AT_MOST, 100, "KiB"),
                        new Row("heap", mem.metric("heapKiBPerBundle"), null, Check.INFO, 0, "KiB"),
                        new Row("metaspace", mem.metric("metaspaceKiBPerBundle"), null, Check.INFO, 0, "KiB"))));
        Ref leak = Ref.of("leak", "BundleLeakBenchmark.cycles", "cycles", "1000");
        t.add(new Table("1,000 install/uninstall cycles", "Class loaders not collected after full collections; metaspace growth.",
                List.of(
                        new Row("class loaders not collected", leak.metric("unreclaimedLoaders"), null, Check.AT_MOST, 0, "#"),
                        new Row("metaspace growth", leak.metric("metaspaceGrowthMiB"), null, Check.AT_MOST, 5, "MiB"),
                        new Row("full-GC rounds needed", leak.metric("gcRounds"), null, Check.INFO, 0, "#"))));
        List<Row> swap = new ArrayList<>();
        for (String d : List.of("plain", "guarded")) {
            Ref h = Ref.of("hotswap", "HotSwapBenchmark.swapUnderLoad", "dispatcher", d);
            swap.add(new Row(d + ": failed calls", h.metric("failedCalls"), null, Check.AT_MOST, 0, "#"));
            swap.add(new Row(d + ": throughput dip during the swaps (%)", h.metric("dipPercent"), null, Check.INFO, 0, "%"));
            swap.add(new Row(d + ": calls/s during the swaps", h.metric("callsPerSecDuring"), h.metric("callsPerSecBefore"), Check.INFO, 0, "calls/s"));
            swap.add(new Row(d + ": calls/s after the swaps", h.metric("callsPerSecAfter"), h.metric("callsPerSecBefore"), Check.INFO, 0, "calls/s"));
            swap.add(new Row(d + ": swap window, 100 rounds (ms)", h.metric("swapWindowMs"), null, Check.INFO, 0, "ms"));
        }
        t.add(new Table("Hot swap under load", "2 threads calling while the version is switched and rolled back 100 times.", swap));
        return t;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "results");
        Path out = dir.resolve("summary.md");
        Files.writeString(out, render(dir), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    static String render(Path dir) throws IOException {
        Map<String, JsonArray> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : (Iterable<Path>) list.filter(f -> f.toString().endsWith(".json")).sorted()::iterator) {
                    try (Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8); JsonReader json = Json.createReader(in)) {
                        String name = p.getFileName().toString();
                        files.put(name.substring(0, name.length() - ".json".length()), json.readArray());
                    } catch (RuntimeException e) {
                        System.err.println("skipping " + p + ": " + e);
                    }
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# nbf benchmark summary\n\n");
        md.append("Written ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" from the JMH JSON in `")
                .append(dir).append("` by `io.nbf.bench.Summary`.\n\n");
        environment(md, files);
        int pass = 0;
        int miss = 0;
        int notRun = 0;
        for (Table table : tables()) {
            md.append("## ").append(table.title()).append("\n\n").append(table.note()).append("\n\n");
            md.append("| figure | benchmark | score ± error | median | alloc B/op | baseline | difference | ratio | target | verdict |\n");
            md.append("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | --- | --- |\n");
            for (Row row : table.rows()) {
                Value v = find(files, row.value(), row.unit());
                Value b = row.baseline() == null ? null : find(files, row.baseline(), row.unit());
                String verdict;
                String diff = "";
                String ratio = "";
                if (v == null || (row.baseline() != null && b == null)) {
                    verdict = "not run";
                    notRun++;
                } else {
                    if (b != null) {
                        diff = signed(v.score() - b.score());
                        ratio = b.score() == 0 ? "-" : num(v.score() / b.score()) + "x";
                    }
                    boolean ok;
                    switch (row.check()) {
                        case DIFF_AT_MOST:
                            ok = v.score() - b.score() <= row.target();
                            break;
                        case RATIO_AT_MOST:
                            ok = v.score() <= row.target() * b.score();
                            break;
                        case RATIO_AT_LEAST:
                            ok = v.score() >= row.target() * b.score();
                            break;
                        case AT_MOST:
                            ok = v.score() <= row.target();
                            break;
                        default:
                            ok = true;
                    }
                    if (row.check() == Check.INFO) {
                        verdict = "info";
                    } else if (ok) {
                        verdict = "**PASS**";
                        pass++;
                    } else {
                        verdict = "**MISS**";
                        miss++;
                    }
                }
                String target = row.check() == Check.INFO ? "-"
                        : String.format(Locale.ROOT, row.check().format, num(row.target()) + (row.check() == Check.DIFF_AT_MOST
                                || row.check() == Check.AT_MOST ? " " + row.unit() : ""));
                md.append("| ").append(row.figure())
                        .append(" | ").append(row.value().label())
                        .append(" | ").append(v == null ? "-" : num(v.score()) + (Double.isNaN(v.error()) ? "" : " ± " + num(v.error())) + " " + row.unit())
                        .append(" | ").append(v == null || Double.isNaN(v.median()) ? "-" : num(v.median()))
                        .append(" | ").append(v == null || Double.isNaN(v.allocBytesPerOp()) ? "-" : num(v.allocBytesPerOp()))
                        .append(" | ").append(row.baseline() == null ? "-" : baselineLabel(row) + (b == null ? "" : ": " + num(b.score())))
                        .append(" | ").append(diff)
                        .append(" | ").append(ratio)
                        .append(" | ").append(target)
                        .append(" | ").append(verdict).append(" |\n");
            }
            md.append('\n');
        }
        md.append("**").append(pass).append(" PASS, ").append(miss).append(" MISS, ").append(notRun).append(" not run.**\n");
        return md.toString();
    }

    /** The baseline's label, without what it shares with the row's value (same benchmark: just the metric). */
    private static String baselineLabel(Row row) {
        Ref v = row.value();
        Ref b = row.baseline();
        if (v.file().equals(b.file()) && v.benchmark().equals(b.benchmark()) && v.params().equals(b.params()) && b.metric() != null) {
            return "[" + b.metric() + "]";
        }
        if (v.file().equals(b.file()) && v.benchmark().equals(b.benchmark())) {
            StringBuilder sb = new StringBuilder();
            b.params().forEach((k, val) -> sb.append(sb.length() > 0 ? " " : "").append(k).append('=').append(val));
            return sb.length() > 0 ? sb.toString() : b.label();
        }
        return b.label();
    }

    private static void environment(StringBuilder md, Map<String, JsonArray> files) {
        if (files.isEmpty()) {
            md.append("No result files found.\n\n");
            return;
        }
        JsonObject first = files.values().stream().filter(a -> !a.isEmpty()).map(a -> a.getJsonObject(0)).findFirst().orElse(null);
        if (first != null) {
            md.append("JMH ").append(text(first, "jmhVersion")).append(", JDK ").append(text(first, "jdkVersion")).append(" (")
                    .append(text(first, "vmName")).append(' ').append(text(first, "vmVersion")).append("), ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" CPUs seen by the summary step.\n\n");
        }
        md.append("| result file | benchmarks | forks | warm-up | measurement |\n| --- | ---: | ---: | --- | --- |\n");
        files.forEach((name, array) -> {
            if (array.isEmpty()) {
                md.append("| ").append(name).append(".json | 0 | | | |\n");
                return;
            }
            JsonObject o = array.getJsonObject(0);
            md.append("| ").append(name).append(".json | ").append(array.size())
                    .append(" | ").append(o.getInt("forks", 0))
                    .append(" | ").append(o.getInt("warmupIterations", 0)).append(" x ").append(text(o, "warmupTime"))
                    .append(" | ").append(o.getInt("measurementIterations", 0)).append(" x ").append(text(o, "measurementTime"))
                    .append(" |\n");
        });
        md.append('\n');
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null) {
            return "?";
        }
        return v instanceof JsonString ? ((JsonString) v).getString() : v.toString();
    }

    /** @return the value of a reference in the given unit, or {@code null} if it is not in the results */
    static Value find(Map<String, JsonArray> files, Ref ref, String unit) {
        JsonArray array = files.get(ref.file());
        if (array == null) {
            return null;
        }
        for (JsonValue item : array) {
            JsonObject o = item.asJsonObject();
            if (!o.getString("benchmark").endsWith("." + ref.benchmark())) {
                continue;
            }
            JsonObject params = o.containsKey("params") ? o.getJsonObject("params") : JsonValue.EMPTY_JSON_OBJECT;
            boolean match = true;
            for (Map.Entry<String, String> p : ref.params().entrySet()) {
                if (!params.containsKey(p.getKey()) || !params.getString(p.getKey()).equals(p.getValue())) {
                    match = false;
                    break;
                }
            }
            if (!match) {
                continue;
            }
            JsonObject metric;
            if (ref.metric() == null) {
                metric = o.getJsonObject("primaryMetric");
            } else {
                JsonObject secondary = o.containsKey("secondaryMetrics") ? o.getJsonObject("secondaryMetrics") : JsonValue.EMPTY_JSON_OBJECT;
                metric = secondary.containsKey(ref.metric()) ? secondary.getJsonObject(ref.metric()) : null;
                if (metric == null) {
                    return null;
                }
            }
            String from = metric.getString("scoreUnit");
            double factor = ref.metric() == null ? factor(from, unit) : 1;
            double alloc = Double.NaN;
            if (ref.metric() == null && o.containsKey("secondaryMetrics")) {
                for (Map.Entry<String, JsonValue> e : o.getJsonObject("secondaryMetrics").entrySet()) {
                    if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                        alloc = number(e.getValue().asJsonObject().get("score"));
                    }
                }
            }
            double median = Double.NaN;
            JsonObject percentiles = metric.containsKey("scorePercentiles") ? metric.getJsonObject("scorePercentiles") : null;
            if (percentiles != null && percentiles.containsKey("50.0")) {
                median = number(percentiles.get("50.0")) * factor;
            }
            if (ref.metric() != null && metric.containsKey("rawData")) {
                // JMH sums a secondary result of AuxCounters type EVENTS over the iterations (its "score" of a
                // 6-sample run is 6 times the per-sample value): the per-sample mean is the figure.
                double[] samples = metric.getJsonArray("rawData").stream()
                        .flatMap(fork -> fork.asJsonArray().stream())
                        .mapToDouble(Summary::number)
                        .toArray();
                return new Value(mean(samples), confidence999(samples), median, unit, alloc);
            }
            return new Value(number(metric.get("score")) * factor, number(metric.get("scoreError")) * factor, median, unit, alloc);
        }
        return null;
    }

    static double mean(double[] samples) {
        double sum = 0;
        for (double s : samples) {
            sum += s;
        }
        return samples.length == 0 ? Double.NaN : sum / samples.length;
    }

    /** Student's t at 0.9995 for 1..30 degrees of freedom, as JMH's 99.9% error uses. */
    private static final double[] T_9995 = {636.62, 31.60, 12.92, 8.61, 6.87, 5.96, 5.41, 5.04, 4.78, 4.59,
        4.44, 4.32, 4.22, 4.14, 4.07, 4.01, 3.97, 3.92, 3.88, 3.85, 3.82, 3.79, 3.77, 3.75, 3.73, 3.71, 3.69, 3.67,
        3.66, 3.65};

    /** @return the half-width of the 99.9% confidence interval of the mean, as JMH reports it; NaN below 2 samples */
    static double confidence999(double[] samples) {
        int n = samples.length;
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(samples);
        double squares = 0;
        for (double s : samples) {
            squares += (s - m) * (s - m);
        }
        int df = n - 1;
        double t = df <= 30 ? T_9995[df - 1] : df <= 40 ? 3.55 : df <= 60 ? 3.46 : df <= 120 ? 3.37 : 3.29;
        return t * Math.sqrt(squares / df) / Math.sqrt(n);
    }

    private static double number(JsonValue v) {
        if (v instanceof JsonNumber) {
            return ((JsonNumber) v).doubleValue();
        }
        if (v instanceof JsonString) {
            try {
                return Double.parseDouble(((JsonString) v).getString());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static final Map<String, Double> SECONDS = Map.of("ns", 1e-9, "us", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0);

    /** @return the factor from one JMH unit to another ({@code ns/op}, {@code ops/us}...), 1 if they are equal or not times */
    static double factor(String from, String to) {
        if (from.equals(to)) {
            return 1;
        }
        String[] f = from.split("/");
        String[] t = to.split("/");
        if (f.length == 2 && t.length == 2) {
            if (f[1].equals("op") && t[1].equals("op") && SECONDS.containsKey(f[0]) && SECONDS.containsKey(t[0])) {
                return SECONDS.get(f[0]) / SECONDS.get(t[0]);
            }
            if (f[0].equals("ops") && t[0].equals("ops") && SECONDS.containsKey(f[1]) && SECONDS.containsKey(t[1])) {
                return SECONDS.get(t[1]) / SECONDS.get(f[1]);
            }
        }
        throw new IllegalArgumentException("cannot convert " + from + " to " + to);
    }

    private static String num(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        double a = Math.abs(d);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", d);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private static String signed(double d) {
        return (d >= 0 ? "+" : "") + num(d);
    }
}
