package io.nbf.tck.quarkus;

/**
 * How one TCK scenario ended.
 *
 * @param status PASSED, FAILED or SKIPPED
 * @param detail why it failed (the stack trace) or was skipped; empty when it passed
 */
public record ScenarioResult(Status status, String detail) {

    /** The outcome. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    /** @return the wire form: the status on the first line, the detail after it */
    public String text() {
        return detail.isEmpty() ? status.name() : status.name() + "\n" + detail;
    }

    /** @return the result read from {@link #text()} */
    public static ScenarioResult parse(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? new ScenarioResult(Status.valueOf(text.trim()), "")
                : new ScenarioResult(Status.valueOf(text.substring(0, nl).trim()), text.substring(nl + 1));
    }
}
