package io.nbf.config;

import io.nbf.modules.descriptor.BundleDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * The guard keys of one SPI ({@code nbf.guard."<spi>".<key>}) or one bundle
 * ({@code nbf.bundle."<id>".<key>}); every component is optional ({@code null}: not set). A bundle's key
 * wins over its SPI's, which wins over the default. Immutable: the lists are unmodifiable.
 *
 * <pre>
 * degradation=rt-mart                # the bundle that takes the calls when this one degrades
 * degrade-on=java.io.IOException     # exceptions that degrade (class names, with subclasses); default all
 * skip-on=com.acme.OutOfStock        # exceptions that reach the caller unchanged, and do not count as failures
 * timeout=200ms                      # Fault Tolerance timeout
 * baseline=100ms                     # a call slower than this counts as a failure for the breaker
 * breaker=true                       # circuit breaker on errors even without a baseline
 * breaker.window=20                  # the last N calls the breaker looks at
 * breaker.failure-ratio=0.5          # failed or slow share of the window that opens it
 * breaker.delay=5s                   # how long it stays open before a half-open probe
 * breaker.success-threshold=1        # probes that must succeed to close it
 * throttle.degrade-percent=20        # share of calls sent straight to the degradation bundle (an 80/20 split)
 * rate-limit=1000                    # calls per window past which calls go to the degradation bundle
 * rate-limit.window=1s
 * mock=force:mock-bundle             # or fail:mock-bundle
 * </pre>
 */
public record GuardSettings(
        String degradation,
        List<String> degradeOn,
        List<String> skipOn,
        Duration timeout,
        Duration baseline,
        Boolean breaker,
        Integer breakerWindow,
        Double breakerFailureRatio,
        Duration breakerDelay,
        Integer breakerSuccessThreshold,
        Integer degradePercent,
        Integer rateLimit,
        Duration rateLimitWindow,
        MockMode mockMode,
        String mockBundle) {

    /** Nothing set. */
    public static final GuardSettings NONE = new GuardSettings(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** The guard keys, as written after {@code nbf.guard."<spi>".} or {@code nbf.bundle."<id>".}. */
    public static final List<String> KEYS = List.of("degradation", "degrade-on", "skip-on", "timeout", "baseline", "breaker",
            "breaker.window", "breaker.failure-ratio", "breaker.delay", "breaker.success-threshold", "throttle.degrade-percent",
            "rate-limit", "rate-limit.window", "mock");

    /** Copies the lists, so that the settings stay as read. */
    public GuardSettings {
        degradeOn = degradeOn == null ? null : List.copyOf(degradeOn);
        skipOn = skipOn == null ? null : List.copyOf(skipOn);
    }

    /** A reader of one key: the value at the key, or {@code null}. */
    @FunctionalInterface
    public interface Source {
        /** @return {key, value}, or {@code null} if unset */
        String[] get(String key);
    }

    /**
     * Reads the keys of one SPI or bundle.
     *
     * @throws IllegalArgumentException naming the key, for the first invalid value
     */
    public static GuardSettings read(Source source) {
        MockMode mockMode = null;
        String mockBundle = null;
        String[] mock = source.get("mock");
        if (mock != null) {
            String v = mock[1].trim();
            int colon = v.indexOf(':');
            String mode = colon < 0 ? "" : v.substring(0, colon).trim().toUpperCase(Locale.ROOT);
            if (!mode.equals("FORCE") && !mode.equals("FAIL")) {
                throw new IllegalArgumentException(mock[0] + ": '" + mock[1] + "' is not a mock route; write force:<bundle-id> or fail:<bundle-id>");
            }
            mockMode = MockMode.valueOf(mode);
            mockBundle = bundleId(mock[0], v.substring(colon + 1).trim());
        }
        GuardSettings s = new GuardSettings(
                value(source, "degradation", GuardSettings::bundleId),
                value(source, "degrade-on", GuardSettings::classNames),
                value(source, "skip-on", GuardSettings::classNames),
                value(source, "timeout", GuardSettings::positiveDuration),
                value(source, "baseline", GuardSettings::positiveDuration),
                value(source, "breaker", GuardSettings::bool),
                value(source, "breaker.window", (k, v) -> integer(k, v, 1, 100_000)),
                value(source, "breaker.failure-ratio", GuardSettings::ratio),
                value(source, "breaker.delay", GuardSettings::positiveDuration),
                value(source, "breaker.success-threshold", (k, v) -> integer(k, v, 1, 10_000)),
                value(source, "throttle.degrade-percent", (k, v) -> integer(k, v, 0, 100)),
                value(source, "rate-limit", (k, v) -> integer(k, v, 1, Integer.MAX_VALUE)),
                value(source, "rate-limit.window", GuardSettings::positiveDuration),
                mockMode,
                mockBundle);
        return s.isEmpty() ? NONE : s;
    }

    /** Reads {@code <prefix>."<name>".<key>} (or unquoted) from MicroProfile Config. */
    public static GuardSettings read(Config config, String prefix, String name) {
        return read(key -> ConfigKeys.read(config, prefix, name, key).map(k -> new String[] {k.key, k.value}).orElse(null));
    }

    /** @return whether a breaker, baseline, timeout or rate limit is set: what needs SmallRye Fault Tolerance */
    public boolean needsFaultTolerance() {
        return Boolean.TRUE.equals(breaker) || baseline != null || timeout != null || rateLimit != null
                || breakerWindow != null || breakerFailureRatio != null || breakerDelay != null || breakerSuccessThreshold != null;
    }

    /** @return whether no key is set */
    public boolean isEmpty() {
        return equals(NONE);
    }

    private interface Parser<T> {
        T parse(String key, String value);
    }

    private static <T> T value(Source source, String key, Parser<T> parser) {
        String[] kv = source.get(key);
        return kv == null ? null : parser.parse(kv[0], kv[1].trim());
    }

    private static String bundleId(String key, String v) {
        if (!BundleDescriptor.isValidId(v)) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a bundle id");
        }
        return v;
    }

    private static List<String> classNames(String key, String v) {
        List<String> names = new ArrayList<>();
        for (String n : v.split(",")) {
            String name = n.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*")) {
                throw new IllegalArgumentException(key + ": '" + name + "' is not a class name");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(key + ": names no exception class");
        }
        return List.copyOf(names);
    }

    private static Duration positiveDuration(String key, String v) {
        Duration d = Durations.parse(key, v);
        if (d.isZero()) {
            throw new IllegalArgumentException(key + ": must be more than zero");
        }
        return d;
    }

    private static Boolean bool(String key, String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.valueOf(v.toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(key + ": '" + v + "' is not true or false");
    }

    private static Integer integer(String key, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // message below
        }
        throw new IllegalArgumentException(key + ": '" + v + "' is not a whole number from " + min + " to " + max);
    }

    private static Double ratio(String key, String v) {
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // message below
        }
        throw new IllegalArgumentException(key + ": '" + v + "' is not a ratio above 0 and at most 1");
    }

    /** @return these settings, each unset component taken from {@code fallback} (the mock route as a whole) */
    public GuardSettings orElse(GuardSettings fallback) {
        return new GuardSettings(
                first(degradation, fallback.degradation),
                first(degradeOn, fallback.degradeOn),
                first(skipOn, fallback.skipOn),
                first(timeout, fallback.timeout),
                first(baseline, fallback.baseline),
                first(breaker, fallback.breaker),
                first(breakerWindow, fallback.breakerWindow),
                first(breakerFailureRatio, fallback.breakerFailureRatio),
                first(breakerDelay, fallback.breakerDelay),
                first(breakerSuccessThreshold, fallback.breakerSuccessThreshold),
                first(degradePercent, fallback.degradePercent),
                first(rateLimit, fallback.rateLimit),
                first(rateLimitWindow, fallback.rateLimitWindow),
                mockMode != null ? mockMode : fallback.mockMode,
                mockMode != null ? mockBundle : fallback.mockBundle);
    }

    /** @return these settings with another degradation bundle */
    public GuardSettings withDegradation(String bundleId) {
        return new GuardSettings(bundleId, degradeOn, skipOn, timeout, baseline, breaker, breakerWindow, breakerFailureRatio,
                breakerDelay, breakerSuccessThreshold, degradePercent, rateLimit, rateLimitWindow, mockMode, mockBundle);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private Object[] fields() {
        return new Object[] {degradation, degradeOn, skipOn, timeout, baseline, breaker, breakerWindow, breakerFailureRatio,
            breakerDelay, breakerSuccessThreshold, degradePercent, rateLimit, rateLimitWindow, mockMode, mockBundle};
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        Object[] f = fields();
        String[] names = {"degradation", "degrade-on", "skip-on", "timeout", "baseline", "breaker", "breaker.window",
            "breaker.failure-ratio", "breaker.delay", "breaker.success-threshold", "throttle.degrade-percent",
            "rate-limit", "rate-limit.window", "mock", "mock-bundle"};
        for (int i = 0; i < f.length; i++) {
            if (f[i] != null) {
                sb.append(sb.length() > 1 ? ", " : "").append(names[i]).append('=').append(f[i]);
            }
        }
        return sb.append('}').toString();
    }
}
