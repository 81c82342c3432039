package io.nbf.modules;

import io.nbf.modules.descriptor.BundleVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The deployment state file {@code deployment-state.properties} (see docs/deployment-state.md): a Java
 * properties file, {@code format=1}, then per bundle id keys {@code <id>/live}, {@code <id>/history} (formerly
 * live versions, most recent first, comma-separated), {@code <id>/known}, {@code <id>/stopped} and
 * {@code <id>/uninstalled/<version>=<size>,<mtime millis>,<source path>}. Written atomically.
 */
final class StateFile {

    static final String NAME = "deployment-state.properties";
    static final String FORMAT = "1";

    /** One bundle id's recorded state. */
    static final class Entry {
        String live;
        final List<String> history = new ArrayList<>();
        final Set<String> known = new LinkedHashSet<>();
        final Set<String> stopped = new LinkedHashSet<>();
        final Map<String, Uninstalled> uninstalled = new TreeMap<>();

        Entry copy() {
            Entry e = new Entry();
            e.live = live;
            e.history.addAll(history);
            e.known.addAll(known);
            e.stopped.addAll(stopped);
            e.uninstalled.putAll(uninstalled);
            return e;
        }

        boolean isEmpty() {
            return live == null && history.isEmpty() && stopped.isEmpty() && uninstalled.isEmpty();
        }
    }

    /** A version the operator uninstalled, and the file it came from as it was then. */
    record Uninstalled(long size, long modified, Path source) {
    }

    private StateFile() {
    }

    /**
     * @return the state by bundle id; empty if the file does not exist
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it is not a state file of this format
     */
    static Map<String, Entry> read(Path file) throws IOException {
        Map<String, Entry> state = new TreeMap<>();
        if (!Files.exists(file)) {
            return state;
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("no format=" + FORMAT + " line");
        }
        for (String key : p.stringPropertyNames()) {
            if (key.equals("format")) {
                continue;
            }
            String value = p.getProperty(key).trim();
            String[] k = key.split("/", 3);
            if (k.length < 2 || k[0].isEmpty()) {
                throw new IllegalArgumentException("unknown key " + key);
            }
            Entry e = state.computeIfAbsent(k[0], id -> new Entry());
            switch (k.length == 3 ? k[1] + "/" : k[1]) {
                case "live" -> e.live = value.isEmpty() ? null : version(value);
                case "history" -> e.history.addAll(versions(value));
                case "known" -> e.known.addAll(versions(value));
                case "stopped" -> e.stopped.addAll(versions(value));
                case "uninstalled/" -> {
                    String[] v = value.split(",", 3);
                    if (v.length != 3) {
                        throw new IllegalArgumentException("malformed " + key);
                    }
                    e.uninstalled.put(version(k[2]), new Uninstalled(Long.parseLong(v[0]), Long.parseLong(v[1]), Path.of(v[2])));
                }
                default -> throw new IllegalArgumentException("unknown key " + key);
            }
        }
        return state;
    }

    /** Writes the state to a temporary file in the same directory, then moves it over {@code file} atomically. */
    static void write(Path file, Map<String, Entry> state) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        state.forEach((id, e) -> {
            if (e.live != null) {
                p.setProperty(id + "/live", e.live);
            }
            p.setProperty(id + "/history", String.join(",", e.history));
            p.setProperty(id + "/known", String.join(",", e.known));
            p.setProperty(id + "/stopped", String.join(",", e.stopped));
            e.uninstalled.forEach((v, u) ->
                    p.setProperty(id + "/uninstalled/" + v, u.size() + "," + u.modified() + "," + u.source()));
        });
        StringWriter text = new StringWriter();
        p.store(text, null);
        List<String> lines = new ArrayList<>(text.toString().lines().filter(l -> !l.startsWith("#")).toList());
        java.util.Collections.sort(lines); // one entry a line (store escapes line breaks): stable, diffable output
        lines.add(0, "# nbf deployment state: the operator's decisions, restored at start; see docs/deployment-state.md");
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".state-", ".tmp");
        try {
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String version(String v) {
        return BundleVersion.parse(v).toString();
    }

    private static List<String> versions(String list) {
        List<String> out = new ArrayList<>();
        for (String v : list.split(",")) {
            if (!v.isBlank()) {
                out.add(version(v.trim()));
            }
        }
        return out;
    }
}
