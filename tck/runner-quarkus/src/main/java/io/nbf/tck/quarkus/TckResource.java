package io.nbf.tck.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Runs TCK scenarios over HTTP ({@code POST /tck/scenarios/<test class>/<method>}), so a test outside the packaged application (@QuarkusIntegrationTest
 * against quarkus-run.jar) can drive them. A test-only endpoint of this TCK runner: never put such a
 * thing in a real application.
 */
@Path("/tck/scenarios")
@Produces(MediaType.TEXT_PLAIN)
public class TckResource {

    @Inject
    TckScenarios scenarios;

    /** @return one scenario a line, {@code <test class>#<method>} */
    @GET
    public String list() {
        return String.join("\n", scenarios.scenarios());
    }

    /** @return the status on the first line (PASSED, FAILED, SKIPPED), then the detail */
    @POST
    @Path("{testClass}/{method}")
    public String run(@PathParam("testClass") String testClass, @PathParam("method") String method) {
        String scenario = testClass + "#" + method;
        if (!scenarios.scenarios().contains(scenario)) {
            throw new NotFoundException("no such TCK scenario: " + scenario);
        }
        return scenarios.run(scenario).text();
    }
}
