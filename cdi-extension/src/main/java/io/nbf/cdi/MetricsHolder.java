package io.nbf.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Finds the application's MicroProfile Metrics registry, if the host has one. Added to the deployment
 * only when the MicroProfile Metrics API is on the class path (WildFly 39, for one, has none).
 */
@Dependent
public class MetricsHolder {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    Instance<MetricRegistry> registry;

    /** @return the application registry, or {@code null} if no bean provides one */
    Object registry() {
        return registry.isResolvable() ? registry.get() : null;
    }
}
