package io.nbf.modules.leak;

import java.util.Collections;
import java.util.List;

/**
 * What a {@link LeakScanner} found after a bundle was unloaded: each finding says what held the
 * bundle's class loader and whether it was cleared. Immutable.
 */
public final class LeakReport {

    private final String bundle;
    private final List<String> findings;
    private final boolean deepScanned;

    LeakReport(String bundle, List<String> findings, boolean deepScanned) {
        this.bundle = bundle;
        this.findings = Collections.unmodifiableList(findings);
        this.deepScanned = deepScanned;
    }

    /**
     * @return whether thread locals and shutdown hooks were checked too; they are only when the JVM runs
     *         with {@value LeakScanner#ADD_OPENS}
     */
    public boolean deepScanned() {
        return deepScanned;
    }

    /** @return the bundle version scanned, {@code id:version} */
    public String bundle() {
        return bundle;
    }

    /** @return the findings, one sentence each; empty when nothing was found */
    public List<String> findings() {
        return findings;
    }

    /** @return whether nothing was found (in what could be checked; see {@link #deepScanned()}) */
    public boolean isClean() {
        return findings.isEmpty();
    }

    @Override
    public String toString() {
        String scope = deepScanned ? "" : " (thread locals and shutdown hooks not checked)";
        return (isClean() ? bundle + ": no leak found" : bundle + ": " + String.join("; ", findings)) + scope;
    }
}
