package io.nbf.health;

import io.nbf.cdi.NbfContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health's readiness check {@value #NAME}: DOWN while a bundle that
 * {@code nbf.health.required-bundles} names is FAILED or has no live version (by default none is
 * required), and before the first deployment of the bundle directory. nbf adds no liveness check: a failed
 * bundle is no reason to restart the application. Part of nbf-health, a bean archive.
 */
@Readiness
@ApplicationScoped
public class NbfReadinessCheck implements HealthCheck {

    /** The check's name. */
    public static final String NAME = "nbf-bundles";

    @Inject
    NbfContainer nbf;

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.of(NAME, nbf.runtime().readinessHealth());
    }
}
