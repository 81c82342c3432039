package com.acme.supply.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Starts the service with the sample's bundles (target/bundles) and asks it over HTTP. */
@QuarkusTest
class SupplyResourceTest {

    @Test
    void theDefaultRouteTakesTheLowestBundleId() {
        given().get("/supply/config/delivery.radius.km").then().statusCode(200).body(equalTo("hema-fresh 1.0.0 | 3"));
    }

    @Test
    void aBundleUsesAHostBean() {
        given().get("/supply/hema/config/region").then().statusCode(200).body(equalTo("hema-fresh 1.0.0 | hangzhou"));
    }

    @Test
    void aFailingBundleDegradesToItsDegradationBundle() {
        given().get("/supply/hema/config/fail").then().statusCode(200).body(equalTo("rt-mart 1.0.0 | n/a"));
    }

    @Test
    void aSlowBundleTimesOutAndDegrades() {
        // nbf.bundle."hema-fresh".timeout=500ms, enforced by SmallRye Fault Tolerance
        given().get("/supply/hema/config/slow").then().statusCode(200).body(equalTo("rt-mart 1.0.0 | n/a"));
    }

    @Test
    void ruleAndDynamicRoutes() {
        given().get("/supply/rt-mart/config/cutoff.time").then().statusCode(200).body(equalTo("rt-mart 1.0.0 | 18:00"));
        given().get("/supply/warehouses/2001/config/cutoff.time").then().statusCode(200).body(equalTo("hema-fresh 1.0.0 | 22:00"));
        given().get("/supply/merchants/rt-mart/config/cold-chain").then().statusCode(200).body(equalTo("rt-mart 1.0.0 | false"));
    }

    @Test
    void noSuchBundleIsNotFound() {
        given().get("/supply/merchants/nobody/config/cutoff.time").then().statusCode(404);
    }

    @Test
    void aBundleChosenByIdAnswers() {
        given().get("/merchants/rt-mart/config/cutoff.time").then().statusCode(200).body(equalTo("rt-mart 1.0.0 | 18:00"));
    }

    @Test
    void aRouteNoBundleServesIsServiceUnavailable() {
        // nbf-jaxrs's ServiceNotFoundExceptionMapper, discovered by RESTEasy Reactive; without it a bare 500
        given().get("/merchants/nobody/config/cutoff.time").then().statusCode(503)
                .contentType(startsWith("text/plain"))
                .body(equalTo("no live bundle serves com.acme.supply.ConfigReadService on route ID nobody"));
    }

    @Test
    void theBundlesAreListed() {
        given().get("/bundles").then().statusCode(200)
                .body(containsString("hema-fresh 1.0.0 ACTIVE live"), containsString("rt-mart 1.0.0 ACTIVE live"));
    }
}
