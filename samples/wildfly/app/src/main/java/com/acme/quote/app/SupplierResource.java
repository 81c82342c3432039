// snippet:wildfly-resource
package com.acme.quote.app;

import com.acme.quote.Quote;
import com.acme.quote.QuoteService;
import io.nbf.api.DynamicInject;
import io.nbf.api.DynamicInvoker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** GET /api/suppliers/rt-mart/quote?sku=apple: the quote of the bundle with that id. */
@Path("suppliers")
@ApplicationScoped
public class SupplierResource {

    @Inject
    @DynamicInject
    DynamicInvoker<QuoteService> suppliers;

    @GET
    @Path("{id}/quote")
    @Produces(MediaType.APPLICATION_JSON)
    public Quote quote(@PathParam("id") String id, @QueryParam("sku") @DefaultValue("apple") String sku) {
        // no live bundle with that id: ServiceNotFoundException, which nbf-jaxrs answers with 503
        return suppliers.getService(id).quote(sku, 1);
    }
}
// snippet:end
