package io.nbf.tck.wildfly.porting;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Stops the deployment's {@link OtlpReceiver} when the deployment's CDI container shuts down, so that an
 * undeployed test class leaves no socket or thread behind. {@code BeforeShutdown} comes after every context
 * is destroyed, so after the disposal of the deployment's OpenTelemetry bean, whose SDK shutdown flushes one
 * last export to the receiver: stopping earlier (e.g. when the servlet context is destroyed, which WildFly
 * does before CDI shuts down) would make that flush fail with an error in the server's log.
 * Registered in the deployment's {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public final class OtlpReceiverShutdown implements Extension {

    void stop(@Observes BeforeShutdown event) {
        OtlpReceiver.stopIfStarted();
    }
}
