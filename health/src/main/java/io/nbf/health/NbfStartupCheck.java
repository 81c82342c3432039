package io.nbf.health;

import io.nbf.cdi.NbfContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * MicroProfile Health's startup check {@value #NAME}: UP once nbf deployed the bundle directory for the first
 * time. Part of nbf-health, a bean archive, so that each host's health
 * reporter finds it (WildFly's does not see beans an extension adds from a JAR that is none).
 */
@Startup
@ApplicationScoped
public class NbfStartupCheck implements HealthCheck {

    /** The check's name. */
    public static final String NAME = "nbf-deployment";

    @Inject
    NbfContainer nbf;

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.of(NAME, nbf.runtime().startupHealth());
    }
}
