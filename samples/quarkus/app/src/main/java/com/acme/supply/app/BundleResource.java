package com.acme.supply.app;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;

/** What nbf runs, and rollback: nbf's management API over HTTP. Protect such endpoints in a real service. */
@Path("/bundles")
@Produces(MediaType.TEXT_PLAIN)
public class BundleResource {

    @Inject
    BundleManager bundles;

    /** @return one bundle version a line: id, version, state, and "live" for the version that serves */
    @GET
    public String list() {
        return bundles.bundles().stream().map(BundleResource::line).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Switches a bundle back to its previous version. */
    @POST
    @Path("{id}/rollback")
    public String rollback(@PathParam("id") String id) {
        if (bundles.liveVersion(id).isEmpty()) {
            throw new NotFoundException("no live bundle " + id);
        }
        return line(bundles.rollback(id)) + "\n";
    }

    private static String line(BundleInfo b) {
        return b.id() + " " + b.version() + " " + b.state() + (b.live() ? " live" : "");
    }
}
