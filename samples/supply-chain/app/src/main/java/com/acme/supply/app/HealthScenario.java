package com.acme.supply.app;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario 6: nbf's MicroProfile Health checks, as SmallRye Health's reporter answers them (the JSON an HTTP
 * endpoint such as {@code /health/started} or {@code /health/ready} would serve): the startup check
 * {@code nbf-deployment}, UP once nbf deployed the bundle directory, and the readiness check {@code nbf-bundles},
 * DOWN while a bundle that {@code nbf.health.required-bundles} names is failed or not live. The sample's
 * configuration requires hema-fresh and rt-mart; the scenario then requires a bundle that was never deployed.
 * nbf adds no liveness check.
 */
@ApplicationScoped
class HealthScenario {

    static final String STARTUP = "nbf-deployment";
    static final String READINESS = "nbf-bundles";
    static final String REQUIRED = "nbf.health.required-bundles";
    /** A merchant whose bundle the sample never deploys. */
    static final String MISSING = "drf-sh";

    @Inject
    SmallRyeHealthReporter health;

    @Inject
    GuardKeys keys;

    void run(Report report) {
        report.section("6. Health: nbf's startup and readiness checks (MicroProfile Health, SmallRye Health)");
        SmallRyeHealth startup = health.getStartup();
        report.line("SmallRyeHealthReporter.getStartup():");
        report.line(startup.getPayload().toString());
        Optional<JsonObject> deployment = check(startup, STARTUP);
        report.check(!startup.isDown() && deployment.map(c -> c.getString("status").equals("UP")).orElse(false),
                "startup " + startup.getStatus() + ", check " + STARTUP + " " + deployment.map(c -> c.getString("status")).orElse("missing"),
                "UP: the bundle directory was deployed");

        String configured = System.getProperty(REQUIRED) == null ? "hema-fresh,rt-mart" : System.getProperty(REQUIRED);
        SmallRyeHealth ready = health.getReadiness();
        report.line("SmallRyeHealthReporter.getReadiness(), " + REQUIRED + "=" + configured + " (microprofile-config.properties):");
        report.line(ready.getPayload().toString());
        Optional<JsonObject> bundles = check(ready, READINESS);
        report.check(!ready.isDown() && bundles.map(c -> data(c, "hema-fresh:1.0.0").startsWith("ACTIVE, live")).orElse(false),
                "readiness " + ready.getStatus() + "; " + READINESS + " lists hema-fresh:1.0.0 as " + bundles.map(c -> data(c, "hema-fresh:1.0.0")).orElse("-"),
                "UP, hema-fresh 1.0.0 ACTIVE, live");

        try {
            keys.apply(Map.of(REQUIRED, "hema-fresh,rt-mart," + MISSING)).forEach(k -> report.line("config   " + k));
            SmallRyeHealth notReady = health.getReadiness();
            report.line(notReady.getPayload().toString());
            String problem = check(notReady, READINESS).map(c -> data(c, "problem")).orElse("");
            report.check(notReady.isDown() && problem.contains(MISSING),
                    "readiness " + notReady.getStatus() + ": " + problem, "DOWN, naming " + MISSING);
        } finally {
            keys.clear();
        }
        SmallRyeHealth again = health.getReadiness();
        report.check(!again.isDown(), "requirement removed: readiness " + again.getStatus(), "UP");

        SmallRyeHealth live = health.getLiveness();
        List<String> liveness = live.getPayload().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).toList();
        report.check(liveness.stream().noneMatch(n -> n.startsWith("nbf")),
                "liveness " + live.getStatus() + ", checks " + liveness + ": nbf adds none", "no nbf check");
    }

    private static Optional<JsonObject> check(SmallRyeHealth health, String name) {
        return health.getPayload().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst();
    }

    private static String data(JsonObject check, String key) {
        JsonObject data = check.getJsonObject("data");
        if (data == null || !data.containsKey(key)) {
            return "";
        }
        JsonValue v = data.get(key);
        return v.getValueType() == JsonValue.ValueType.STRING ? data.getString(key) : v.toString();
    }
}
