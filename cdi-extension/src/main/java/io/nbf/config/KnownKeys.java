package io.nbf.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Which names under {@code nbf.} are nbf's keys, so that a misspelt key is an error rather than silently
 * ignored. Known: the static keys ({@link ConfigKeys}), the keys of {@link ObservationSettings},
 * {@code nbf.routes.<spi>.pattern|type}, {@code nbf.guard.<spi>.<guard key>} and
 * {@code nbf.bundle.<id>.<guard key>} (the name quoted or not; see {@link GuardSettings#KEYS}). Names not
 * starting with {@code nbf.} (other hosts' keys, environment variables) are not looked at.
 */
public final class KnownKeys {

    /** The keys read as written. */
    static final List<String> STATIC = List.of(ConfigKeys.BUNDLES_DIR, ConfigKeys.SCAN_INTERVAL, ConfigKeys.EXPORTS,
            ConfigKeys.HOOK_TIMEOUT, ConfigKeys.DRAIN_TIMEOUT, ConfigKeys.RETAINED_VERSIONS, ConfigKeys.WORK_DIR,
            ConfigKeys.STATE_DIR,
            ConfigKeys.REFRESH_INTERVAL, ObservationSettings.METRICS_ENABLED, ObservationSettings.TRACING_ENABLED,
            ObservationSettings.MDC_ENABLED, ObservationSettings.REQUIRED_BUNDLES);
    private static final List<String> ROUTE_KEYS = List.of(ConfigKeys.ROUTE_PATTERN, ConfigKeys.ROUTE_TYPE);
    private static final String NBF = "nbf.";

    private KnownKeys() {
    }

    /**
     * Checks the names of every config source, as each lists them now (the config's own list of names may be
     * cached from when it was built, so a key added or removed at runtime would go unseen).
     *
     * @throws IllegalArgumentException naming every unknown key under {@code nbf.} and the nearest known one
     */
    public static void check(Config config) {
        List<String> names = new ArrayList<>();
        for (ConfigSource source : config.getConfigSources()) {
            Set<String> n = source.getPropertyNames();
            if (n != null) {
                names.addAll(n);
            }
        }
        check(names);
    }

    /**
     * @param names property names from every config source
     * @throws IllegalArgumentException naming every unknown key under {@code nbf.} and the nearest known one
     */
    public static void check(Iterable<String> names) {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(copy(names))) {
            if (name.startsWith(NBF) && !isKnown(name)) {
                problems.add(name + " is not an nbf key; did you mean " + nearest(name) + "?");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private static List<String> copy(Iterable<String> names) {
        List<String> list = new ArrayList<>();
        for (String n : names) {
            if (n != null) {
                list.add(n);
            }
        }
        return list;
    }

    /** @return whether {@code name} is one of nbf's keys */
    static boolean isKnown(String name) {
        if (STATIC.contains(name)) {
            return true;
        }
        return named(name, ConfigKeys.ROUTES + ".", ROUTE_KEYS) || named(name, DynamicSettings.GUARD + ".", GuardSettings.KEYS)
                || named(name, DynamicSettings.BUNDLE + ".", GuardSettings.KEYS);
    }

    /** {@code <prefix>"<name>".<key>} or {@code <prefix><name>.<key>}, the name not empty. */
    private static boolean named(String name, String prefix, List<String> keys) {
        if (!name.startsWith(prefix)) {
            return false;
        }
        String rest = name.substring(prefix.length());
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            return close > 1 && rest.startsWith(".", close + 1) && keys.contains(rest.substring(close + 2));
        }
        for (String key : keys) {
            String suffix = "." + key;
            if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
                return true;
            }
        }
        return false;
    }

    /** @return the known key nearest {@code name} by edit distance, the name of an SPI or bundle taken from it */
    static String nearest(String name) {
        List<String> candidates = new ArrayList<>(STATIC);
        String afterNbf = name.substring(NBF.length());
        int dot = afterNbf.indexOf('.');
        if (dot > 0) {
            for (String named : names(afterNbf.substring(dot + 1))) {
                for (String k : ROUTE_KEYS) {
                    candidates.add(ConfigKeys.ROUTES + "." + named + "." + k);
                }
                for (String k : GuardSettings.KEYS) {
                    candidates.add(DynamicSettings.GUARD + "." + named + "." + k);
                    candidates.add(DynamicSettings.BUNDLE + "." + named + "." + k);
                }
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The SPI or bundle names {@code rest} may start with: the quoted one, else each dotted prefix. */
    private static List<String> names(String rest) {
        List<String> names = new ArrayList<>();
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            if (close > 1) {
                names.add(rest.substring(0, close + 1));
                return names;
            }
        }
        for (int i = rest.indexOf('.'); i > 0; i = rest.indexOf('.', i + 1)) {
            names.add(rest.substring(0, i));
        }
        if (!rest.isEmpty()) {
            names.add(rest);
        }
        return names;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
