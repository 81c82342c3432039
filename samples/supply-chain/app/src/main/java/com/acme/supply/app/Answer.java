package com.acme.supply.app;

/**
 * One answer of {@link com.acme.supply.ConfigReadService}, split into the bundle that served it and the
 * value: every sample bundle answers {@code "<bundle> <version> | <key> = <value>"}.
 */
record Answer(String bundle, String version, String value) {

    static Answer parse(String text) {
        int bar = text.indexOf(" | ");
        int space = text.indexOf(' ');
        if (bar < 0 || space < 0 || space > bar) {
            throw new IllegalArgumentException("not a labelled answer: " + text);
        }
        return new Answer(text.substring(0, space), text.substring(space + 1, bar), text.substring(bar + 3));
    }

    /** @return {@code "<bundle> <version>"} */
    String servedBy() {
        return bundle + " " + version;
    }

    @Override
    public String toString() {
        return servedBy() + " | " + value;
    }
}
