package io.nbf.tck.quarkus;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Arrays;
import java.util.List;

/**
 * The TCK's scenarios in the packaged application, target/quarkus-app/quarkus-run.jar, started by
 * @QuarkusIntegrationTest in a JVM of its own and driven over HTTP on the loopback.
 */
@QuarkusIntegrationTest
class QuarkusTckIT extends TckScenarioSuite {

    @Override
    protected List<String> scenarios() {
        String list = given().get("/tck/scenarios").then().statusCode(200).extract().asString();
        return Arrays.stream(list.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    @Override
    protected ScenarioResult run(String testClass, String method) {
        String text = given().post("/tck/scenarios/{testClass}/{method}", testClass, method)
                .then().statusCode(200).extract().asString();
        return ScenarioResult.parse(text);
    }
}
