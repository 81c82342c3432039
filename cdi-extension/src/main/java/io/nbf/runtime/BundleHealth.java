package io.nbf.runtime;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What nbf's health checks answer, CDI-free: the CDI glue turns these into MicroProfile Health responses.
 * Bundle failures never touch liveness: a failed bundle is an application that cannot serve some calls,
 * not one to restart.
 */
public final class BundleHealth {

    /** The data key listing the required bundles. */
    public static final String REQUIRED = "required";
    /** The data key of the versions whose class loader was not reclaimed after uninstall. */
    public static final String UNRECLAIMED = "unreclaimed";
    /** The data key saying why a check is DOWN. */
    public static final String PROBLEM = "problem";

    private BundleHealth() {
    }

    /**
     * One check's answer.
     *
     * @param up whether the check is UP
     * @param data every bundle version ({@code <id>:<version>} to its state, {@code , live} when it serves),
     *        {@value #UNRECLAIMED}, and, when DOWN, {@value #PROBLEM}; in a stable order
     */
    public record Report(boolean up, Map<String, String> data) {
        public Report {
            data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }
    }

    /**
     * @param deployed whether the first deployment of the bundle directory is done
     * @return the startup check's report: UP once it is
     */
    static Report startup(boolean deployed, Collection<BundleInfo> bundles, List<String> unreclaimed) {
        Map<String, String> data = data(bundles, unreclaimed);
        if (!deployed) {
            data.put(PROBLEM, "the bundle directory has not been deployed yet");
        }
        return new Report(deployed, data);
    }

    /**
     * @param required the bundle ids the application is not ready without
     * @return the readiness check's report: DOWN while a required bundle has no live version, saying which and why
     */
    static Report readiness(boolean deployed, Set<String> required, Collection<BundleInfo> bundles, List<String> unreclaimed) {
        Map<String, String> data = data(bundles, unreclaimed);
        if (!required.isEmpty()) {
            data.put(REQUIRED, String.join(",", required));
        }
        List<String> problems = new ArrayList<>();
        if (!deployed) {
            problems.add("the bundle directory has not been deployed yet");
        }
        for (String id : required) {
            String problem = problem(id, bundles);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            data.put(PROBLEM, String.join("; ", problems));
        }
        return new Report(problems.isEmpty(), data);
    }

    /** @return why a required bundle does not serve, or {@code null} if a version of it is live */
    private static String problem(String id, Collection<BundleInfo> bundles) {
        BundleInfo failed = null;
        boolean installed = false;
        for (BundleInfo b : bundles) {
            if (b.id().equals(id)) {
                if (b.live()) {
                    return null;
                }
                installed = true;
                if (b.state() == BundleState.FAILED) {
                    failed = b;
                }
            }
        }
        if (failed != null) {
            return "required bundle " + id + " " + failed.version() + " is FAILED"
                    + failed.failure().map(t -> ": " + t.getMessage()).orElse("") + "; fix it and deploy it again";
        }
        return installed ? "required bundle " + id + " has no live version; start one or switch to one"
                : "required bundle " + id + " is not installed; deploy it to the bundle directory, or remove it from nbf.health.required-bundles";
    }

    private static Map<String, String> data(Collection<BundleInfo> bundles, List<String> unreclaimed) {
        Map<String, String> data = new LinkedHashMap<>();
        bundles.stream().sorted((a, b) -> (a.id() + ":" + a.version()).compareTo(b.id() + ":" + b.version()))
                .forEach(b -> data.put(b.id() + ":" + b.version(), b.state() + (b.live() ? ", live" : "")));
        data.put(UNRECLAIMED, unreclaimed.isEmpty() ? "none" : String.join(",", unreclaimed));
        return data;
    }
}
