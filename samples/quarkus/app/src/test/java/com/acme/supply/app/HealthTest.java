package com.acme.supply.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** nbf's MicroProfile Health checks, as quarkus-smallrye-health serves them under /q/health. */
@QuarkusTest
class HealthTest {

    @Test
    void theStartupCheckIsUpOnceTheBundleDirectoryIsDeployed() {
        given().get("/q/health/started").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("nbf-deployment"));
    }

    @Test
    void theReadinessCheckListsTheBundles() {
        // nbf.health.required-bundles=hema-fresh: UP while hema-fresh is live
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'nbf-bundles' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'nbf-bundles' }.data.'hema-fresh:1.0.0'", startsWith("ACTIVE"))
                .body("checks.find { it.name == 'nbf-bundles' }.data.'rt-mart:1.0.0'", startsWith("ACTIVE"));
    }

    @Test
    void livenessIsNotNbfs() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
