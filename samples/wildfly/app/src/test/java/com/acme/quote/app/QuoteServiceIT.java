package com.acme.quote.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample starts and answers: deploys the WAR this build packaged, unchanged, on WildFly 39 (started
 * with {@code standalone-microprofile.xml} and {@code -Dnbf.bundles.dir} pointing at the two bundles),
 * then calls it over HTTP as curl would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class QuoteServiceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    public static WebArchive war() {
        File war = new File(System.getProperty("sample.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void quoteIsAnsweredByTheHemaFreshBundle() throws Exception {
        HttpResponse<String> response = get("api/quote?sku=apple&qty=10");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"supplier\":\"hema-fresh\"")
                .contains("\"version\":\"1.0.0\"")
                .contains("\"total\":4.50");
    }

    @Test
    void aProductHemaFreshDoesNotSellDegradesToRtMart() throws Exception {
        HttpResponse<String> response = get("api/quote?sku=rice");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"supplier\":\"rt-mart\"");
    }

    @Test
    void aRuleRouteChoosesTheMerchant() throws Exception {
        HttpResponse<String> response = get("api/quote/rt-mart?sku=apple");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"supplier\":\"rt-mart\"");
        assertThat(get("api/quote/nobody?sku=apple").statusCode()).isEqualTo(404);
    }

    @Test
    void aBundleChosenByIdAnswers() throws Exception {
        HttpResponse<String> response = get("api/suppliers/rt-mart/quote?sku=apple");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"supplier\":\"rt-mart\"");
    }

    @Test
    void aRouteNoBundleServesIsServiceUnavailable() throws Exception {
        // nbf-jaxrs's ServiceNotFoundExceptionMapper, found by RESTEasy in WEB-INF/lib; without it a bare 500
        HttpResponse<String> response = get("api/suppliers/nobody/quote?sku=apple");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).isEqualTo("no live bundle serves com.acme.quote.QuoteService on route ID nobody");
    }

    @Test
    void bothBundlesAreLive() throws Exception {
        HttpResponse<String> response = get("api/bundles");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"hema-fresh\"").contains("\"id\":\"rt-mart\"")
                .doesNotContain("\"live\":false");
    }
}
