// snippet:quarkus-resource
package com.acme.supply.app;

import com.acme.supply.ConfigReadService;
import io.nbf.api.DynamicInject;
import io.nbf.api.DynamicInvoker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /merchants/rt-mart/config/cutoff.time: the answer of the bundle with that id. */
@Path("/merchants")
public class MerchantResource {

    @DynamicInject
    DynamicInvoker<ConfigReadService> merchants;

    @GET
    @Path("{id}/config/{key}")
    @Produces(MediaType.TEXT_PLAIN)
    public String config(@PathParam("id") String id, @PathParam("key") String key) {
        // no live bundle with that id: ServiceNotFoundException, which nbf-jaxrs answers with 503
        return merchants.getService(id).queryConfig(key);
    }
}
// snippet:end
