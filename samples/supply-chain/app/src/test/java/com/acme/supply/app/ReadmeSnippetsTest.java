package com.acme.supply.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the READMEs' code blocks what the samples build and test: those of the top README.md and of
 * samples/README.md ({@link #READMES}). In a README a line
 * {@code <!-- snippet:NAME (path/from/the/root) -->} stands before a fenced code block; in that file the region
 * between a line {@code // snippet:NAME}, {@code <!-- snippet:NAME -->} or {@code # snippet:NAME} and the next
 * {@code snippet:end} line must be the same text. Leading indentation common to all lines of a block is ignored,
 * as is trailing white space; {@code ${x}} in a region stands for the system property {@code snippet.x} (set
 * in this module's POM, e.g. {@code ${project.version}}), so that the README shows versions one can paste.
 */
class ReadmeSnippetsTest {

    private static final Pattern MARKER = Pattern.compile("^\\s*<!-- snippet:([\\w.-]+) \\(([^)\\s]+)\\) -->\\s*$");
    private static final Pattern REGION_START = Pattern.compile("^\\s*(?://|<!--|#)\\s*snippet:([\\w.-]+)\\s*(?:-->)?\\s*$");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** The READMEs whose snippets are checked, from the repository root; a snippet name is marked once in all of them. */
    private static final List<String> READMES = List.of("README.md", "samples/README.md");

    private final Path root = Path.of(System.getProperty("nbf.root", "../../..")).toAbsolutePath().normalize();

    @Test
    void everyReadmeSnippetIsItsSampleRegion() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        for (String readmePath : READMES) {
            List<String> readme = Files.readAllLines(root.resolve(readmePath), StandardCharsets.UTF_8);
            int marked = files.size();
            for (int i = 0; i < readme.size(); i++) {
                Matcher m = MARKER.matcher(readme.get(i));
                if (!m.matches()) {
                    assertFalse(readme.get(i).contains("<!-- snippet:"),
                            readmePath + " line " + (i + 1) + " looks like a snippet marker but is not one: " + readme.get(i)
                                    + " (expected <!-- snippet:NAME (path) -->)");
                    continue;
                }
                String name = m.group(1);
                String path = m.group(2);
                assertFalse(files.containsKey(name), "snippet " + name + " is marked twice (" + readmePath + ")");
                files.put(name, path);
                String block = readmeBlock(readme, i, name, readmePath);
                Path file = root.resolve(path);
                assertTrue(Files.isRegularFile(file), "snippet " + name + ": " + readmePath + " names " + path + ", which does not exist");
                String region = region(Files.readAllLines(file, StandardCharsets.UTF_8), name, path);
                if (!block.equals(region)) {
                    mismatches.add("snippet " + name + " differs from its region in " + path + "\n--- " + readmePath + " ---\n" + block
                            + "\n--- " + path + " ---\n" + region + "\n---");
                }
            }
            assertTrue(files.size() > marked, readmePath + " has no snippet markers");
        }
        if (!mismatches.isEmpty()) {
            fail(String.join("\n\n", mismatches));
        }
    }

    @Test
    void everyRegionOfTheMarkedFilesIsShownInTheReadme() throws IOException {
        Map<String, Set<String>> shown = new LinkedHashMap<>();
        for (String readmePath : READMES) {
            for (String line : Files.readAllLines(root.resolve(readmePath), StandardCharsets.UTF_8)) {
                Matcher m = MARKER.matcher(line);
                if (m.matches()) {
                    shown.computeIfAbsent(m.group(2), p -> new TreeSet<>()).add(m.group(1));
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : shown.entrySet()) {
            Set<String> regions = new TreeSet<>();
            for (String line : Files.readAllLines(root.resolve(e.getKey()), StandardCharsets.UTF_8)) {
                Matcher m = REGION_START.matcher(line);
                if (m.matches() && !m.group(1).equals("end")) {
                    regions.add(m.group(1));
                }
            }
            assertEquals(regions, e.getValue(), "the snippet regions of " + e.getKey() + " and the README markers naming it (" + READMES + ")");
        }
    }

    private static String readmeBlock(List<String> readme, int marker, String name, String readmePath) {
        int open = marker + 1;
        if (open >= readme.size() || !readme.get(open).strip().startsWith("```")) {
            fail("snippet " + name + ": " + readmePath + " line " + (marker + 2) + " must open a code block right after the marker");
        }
        String fence = readme.get(open).strip().replaceAll("[^`].*$", "");
        List<String> lines = new ArrayList<>();
        for (int i = open + 1; i < readme.size(); i++) {
            if (readme.get(i).strip().equals(fence)) {
                return normalize(lines);
            }
            lines.add(readme.get(i));
        }
        return fail("snippet " + name + ": its code block in " + readmePath + " is not closed");
    }

    private static String region(List<String> file, String name, String path) {
        List<String> lines = null;
        for (String line : file) {
            Matcher m = REGION_START.matcher(line);
            if (lines == null) {
                if (m.matches() && m.group(1).equals(name)) {
                    lines = new ArrayList<>();
                }
            } else if (m.matches() && m.group(1).equals("end")) {
                return substitute(normalize(lines));
            } else {
                lines.add(line);
            }
        }
        return fail("snippet " + name + ": " + path + (lines == null ? " has no region snippet:" + name
                : " does not close region snippet:" + name + " with snippet:end"));
    }

    /** Drops the indentation all non-blank lines share and trailing white space. */
    private static String normalize(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return text.toString().replaceAll("^\n+", "").stripTrailing();
    }

    private static String substitute(String region) {
        Matcher m = PROPERTY.matcher(region);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = System.getProperty("snippet." + m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        return m.appendTail(out).toString();
    }
}
