package io.nbf.health;

import io.nbf.runtime.BundleHealth;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** Turns nbf's health reports into MicroProfile Health responses. */
final class HealthResponses {

    private HealthResponses() {
    }

    static HealthCheckResponse of(String name, BundleHealth.Report report) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(name).status(report.up());
        report.data().forEach(b::withData);
        return b.build();
    }
}
