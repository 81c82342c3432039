package io.nbf.modules.leak;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link LeakScanner} found after a bundle was unloaded: each finding says what held the
 * bundle's class loader and whether it was cleared. Immutable.
 *
 * @param bundle the bundle version scanned, {@code id:version}
 * @param findings the findings, one sentence each; empty when nothing was found
 * @param deepScanned whether thread locals, shutdown hooks and JDBC drivers were checked too; they are only when the
 *        JVM runs with {@value LeakScanner#ADD_OPENS}
 */
public record LeakReport(String bundle, List<String> findings, boolean deepScanned) {

    /**
     * @throws NullPointerException if {@code bundle}, {@code findings} or a finding is {@code null}
     */
    public LeakReport {
        Objects.requireNonNull(bundle, "bundle");
        findings = List.copyOf(findings);
    }

    /** @return whether nothing was found (in what could be checked; see {@link #deepScanned()}) */
    public boolean isClean() {
        return findings.isEmpty();
    }

    @Override
    public String toString() {
        String scope = deepScanned ? "" : " (thread locals, shutdown hooks and JDBC drivers not checked)";
        return (isClean() ? bundle + ": no leak found" : bundle + ": " + String.join("; ", findings)) + scope;
    }
}
