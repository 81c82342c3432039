package io.nbf.tck.weld;

import io.nbf.tck.otel.OpenTelemetryConfigFromMicroProfile;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * What a Weld SE application adds beside nbf for OpenTelemetry and health, as beans of every TCK deployment
 * (Weld embedded deploys the test archive alone): the {@code OpenTelemetryConfig} smallrye-opentelemetry-cdi's
 * producer needs, SmallRye Health's reporter with its two helpers, and nbf-health's checks (SmallRye Health's
 * and nbf-health's JARs are bean archives in an application that scans them; the embedded container does not).
 */
public class WeldStackExtension implements Extension {

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> c : new Class<?>[] {OpenTelemetryConfigFromMicroProfile.class, io.smallrye.health.SmallRyeHealthReporter.class,
                io.smallrye.health.AsyncHealthCheckFactory.class, io.smallrye.health.registry.HealthRegistries.class,
                io.nbf.health.NbfStartupCheck.class, io.nbf.health.NbfReadinessCheck.class}) {
            event.addAnnotatedType(beanManager.createAnnotatedType(c), c.getName());
        }
    }
}
