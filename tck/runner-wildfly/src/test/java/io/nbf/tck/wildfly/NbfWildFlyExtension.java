package io.nbf.tck.wildfly;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Makes every TCK deployment a WildFly application using nbf ({@link NbfDeploymentProcessor}), and reports
 * in-container assumption failures as skips ({@link InContainerAbortAsSkip}).
 * Registered in {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}.
 */
public class NbfWildFlyExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, NbfDeploymentProcessor.class);
        builder.observer(InContainerAbortAsSkip.class);
    }
}
