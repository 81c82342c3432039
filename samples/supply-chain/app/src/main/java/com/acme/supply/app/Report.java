package com.acme.supply.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample's console output: sections, one line per observation, and checks. A check is an observation
 * with an expectation; a failed check makes the run exit non-zero, which is what lets the sample double as
 * a smoke test of nbf.
 */
final class Report {

    private static final String OK = "[ok]   ";
    private static final String FAILED = "[FAIL] ";
    private static final String PLAIN = "       ";

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private int checks;

    Report(PrintStream out) {
        this.out = out;
    }

    void title(String text) {
        out.println();
        out.println(text);
        out.println("=".repeat(text.length()));
    }

    void section(String text) {
        out.println();
        out.println(text);
        out.println("-".repeat(text.length()));
    }

    /** An observation without an expectation. */
    void line(String text) {
        out.println(PLAIN + text);
    }

    /** A line that belongs to no observation, such as a table header. */
    void raw(String text) {
        out.println(text);
    }

    /**
     * An observation that must hold.
     *
     * @param holds whether it held
     * @param observed what was seen
     * @param expected what should have been seen, printed only when it was not
     */
    void check(boolean holds, String observed, String expected) {
        checks++;
        if (holds) {
            out.println(OK + observed);
        } else {
            out.println(FAILED + observed + "  (expected: " + expected + ")");
            failures.add(observed + " (expected: " + expected + ")");
        }
    }

    /** Records an exception that ended a scenario early: a failure like any other. */
    void crashed(String scenario, Throwable t) {
        checks++;
        String text = scenario + " stopped on " + t;
        out.println(FAILED + text);
        t.printStackTrace(out);
        failures.add(text);
    }

    int checks() {
        return checks;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }
}
