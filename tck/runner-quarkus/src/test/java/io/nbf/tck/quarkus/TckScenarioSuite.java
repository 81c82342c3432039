package io.nbf.tck.quarkus;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every TCK scenario as a JUnit test, grouped by TCK class: a failure shows the scenario's own assertion
 * message and stack trace, a skipped scenario (e.g. MetricsTck without MP Metrics) is skipped here too.
 * Subclasses say where the scenarios run.
 */
public abstract class TckScenarioSuite {

    /** @return every scenario, {@code <test class>#<method>} */
    protected abstract List<String> scenarios();

    /** Runs one scenario in the application under test. */
    protected abstract ScenarioResult run(String testClass, String method);

    @TestFactory
    Stream<DynamicContainer> tck() {
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        for (String s : scenarios()) {
            int hash = s.indexOf('#');
            byClass.computeIfAbsent(s.substring(0, hash), k -> new java.util.ArrayList<>()).add(s.substring(hash + 1));
        }
        if (byClass.isEmpty()) {
            fail("the application lists no TCK scenario");
        }
        return byClass.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(simpleName(e.getKey()),
                e.getValue().stream().map(m -> DynamicTest.dynamicTest(m, () -> check(e.getKey(), m)))));
    }

    private void check(String testClass, String method) {
        ScenarioResult r = run(testClass, method);
        switch (r.status()) {
            case PASSED:
                return;
            case SKIPPED:
                Assumptions.abort(r.detail());
                return;
            default:
                fail(simpleName(testClass) + "#" + method + " failed in the application:\n" + r.detail());
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
