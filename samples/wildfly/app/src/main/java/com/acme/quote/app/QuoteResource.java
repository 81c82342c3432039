package com.acme.quote.app;

import com.acme.quote.Quote;
import com.acme.quote.QuoteService;
import io.nbf.api.DynamicInject;
import io.nbf.api.DynamicInvoker;
import io.nbf.api.ServiceNotFoundException;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Retry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quotes through nbf. Which bundle answers is decided per call:
 * <ul>
 *   <li>{@code GET /api/quote?sku=apple&qty=10}: the ID route to {@code hema-fresh}, which degrades to
 *       {@code rt-mart} for a product it does not sell (its descriptor names rt-mart); MicroProfile Config can
 *       re-route it at runtime ({@code nbf.routes."com.acme.quote.QuoteService".pattern});</li>
 *   <li>{@code GET /api/quote/rt-mart?sku=apple}: the bundle whose attribute {@code merchant} is the path's;</li>
 *   <li>{@code GET /api/bundles}: what is installed, and which version of each bundle is live.</li>
 * </ul>
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class QuoteResource {

    @Inject
    @DynamicInject(pattern = "hema-fresh")
    QuoteService quotes;

    @Inject
    @DynamicInject
    DynamicInvoker<QuoteService> byMerchant;

    @Inject
    BundleManager bundles;

    @GET
    @Path("quote")
    public Quote quote(@QueryParam("sku") @DefaultValue("apple") String sku, @QueryParam("qty") @DefaultValue("1") int quantity) {
        try {
            return quotes.quote(sku, quantity);
        } catch (ServiceNotFoundException e) {
            throw new NotFoundException(e.getMessage(), e);
        }
    }

    @GET
    @Path("quote/{merchant}")
    public Quote quoteFrom(@PathParam("merchant") String merchant, @QueryParam("sku") @DefaultValue("apple") String sku,
            @QueryParam("qty") @DefaultValue("1") int quantity) {
        try {
            return byMerchant.getService(Map.of("merchant", merchant)).quote(sku, quantity);
        } catch (ServiceNotFoundException e) {
            throw new NotFoundException(e.getMessage(), e);
        }
    }

    /**
     * The application's own Fault Tolerance annotations work beside nbf's guard (WildFly then activates its
     * Fault Tolerance subsystem for this deployment too); this one is here to keep that combination tested.
     */
    @GET
    @Path("bundles")
    @Retry(maxRetries = 2)
    public List<Map<String, Object>> bundles() {
        return bundles.bundles().stream().map(QuoteResource::describe).toList();
    }

    private static Map<String, Object> describe(BundleInfo b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("version", b.version());
        m.put("state", b.state().name());
        m.put("live", b.live());
        m.put("attributes", b.attributes());
        m.put("source", b.source().toString());
        return m;
    }
}
