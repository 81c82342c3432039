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

    LeakReport(String bundle, List<String> findings) {
        this.bundle = bundle;
        this.findings = Collections.unmodifiableList(findings);
    }

    /** @return the bundle version scanned, {@code id:version} */
    public String bundle() {
        return bundle;
    }

    /** @return the findings, one sentence each; empty when nothing was found */
    public List<String> findings() {
        return findings;
    }

    /** @return whether nothing was found */
    public boolean isClean() {
        return findings.isEmpty();
    }

    @Override
    public String toString() {
        return isClean() ? bundle + ": no leak found" : bundle + ": " + String.join("; ", findings);
    }
}
