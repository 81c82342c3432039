package io.nbf.tck.wildfly;

import java.util.Collection;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.junit5.IdentifiedTestException;
import org.jboss.arquillian.test.spi.TestResult;
import org.jboss.arquillian.test.spi.event.suite.Test;
import org.opentest4j.IncompleteExecutionException;

/**
 * Reports a test that aborted in the container (a failed JUnit assumption) as skipped, as JUnit does
 * everywhere else. arquillian-junit5-container 1.10.2 collects an in-container abort like a failure and
 * the client rethrows it as an error (arquillian-core issue 889, fix proposed in pull request 890), so
 * without this observer a TCK test that skips itself through an assumption would be reported as an error
 * on WildFly and as a skip everywhere else. Remove it once a fixed Arquillian release is in the parent POM.
 *
 * <p>Only a result whose every collected exception is an abort is changed; an abort together with a real
 * failure stays a failure.
 */
public class InContainerAbortAsSkip {

    @Inject
    private Instance<TestResult> testResult;

    // The result Arquillian already holds must be changed in place; its setters are deprecated with no replacement.
    @SuppressWarnings("deprecation")
    public void reclassify(@org.jboss.arquillian.core.api.annotation.Observes EventContext<Test> context) {
        context.proceed();
        TestResult result = testResult.get();
        if (result == null || result.getStatus() != TestResult.Status.FAILED
                || !(result.getThrowable() instanceof IdentifiedTestException)) {
            return;
        }
        Collection<Throwable> collected = ((IdentifiedTestException) result.getThrowable()).getCollectedExceptions().values();
        if (collected.isEmpty() || !collected.stream().allMatch(IncompleteExecutionException.class::isInstance)) {
            return;
        }
        Throwable abort = collected.iterator().next();
        result.setStatus(TestResult.Status.SKIPPED);
        result.setThrowable(abort);
        result.setDescription(abort.getMessage());
    }
}
