package io.nbf.tck.quarkus;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;

/** The TCK's scenarios in this module's Quarkus application, started by @QuarkusTest in this JVM. */
@QuarkusTest
class QuarkusTckTest extends TckScenarioSuite {

    @Inject
    TckScenarios scenarios;

    @Override
    protected List<String> scenarios() {
        return scenarios.scenarios();
    }

    @Override
    protected ScenarioResult run(String testClass, String method) {
        return scenarios.run(testClass + "#" + method);
    }
}
