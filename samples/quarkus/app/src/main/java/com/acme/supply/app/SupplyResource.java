package com.acme.supply.app;

import com.acme.supply.ConfigReadService;
import io.nbf.api.DynamicInject;
import io.nbf.api.DynamicInvoker;
import io.nbf.api.RouteType;
import io.nbf.api.ServiceNotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The supply-chain service: every answer comes from a merchant's bundle, which nbf picks per call.
 */
@Path("/supply")
@Produces(MediaType.TEXT_PLAIN)
public class SupplyResource {

    /** The default route: the live bundle with the lowest id. */
    @DynamicInject
    ConfigReadService anyMerchant;

    /** Always Hema Fresh; its declared degradation bundle, rt-mart, answers when it fails. */
    @DynamicInject(pattern = "hema-fresh")
    ConfigReadService hema;

    /** Every bundle whose attributes match: RULE routing. */
    @DynamicInject(pattern = "{\"merchant\":\"rt-mart\"}", type = RouteType.RULE)
    ConfigReadService rtMart;

    /** Chooses per call, by bundle id or attributes. */
    @DynamicInject
    DynamicInvoker<ConfigReadService> invoker;

    @GET
    @Path("config/{key}")
    public String anyMerchant(@PathParam("key") String key) {
        return call(() -> anyMerchant.queryConfig(key));
    }

    @GET
    @Path("hema/config/{key}")
    public String hema(@PathParam("key") String key) {
        return call(() -> hema.queryConfig(key));
    }

    @GET
    @Path("rt-mart/config/{key}")
    public String rtMart(@PathParam("key") String key) {
        return call(() -> rtMart.queryConfig(key));
    }

    @GET
    @Path("merchants/{bundleId}/config/{key}")
    public String merchant(@PathParam("bundleId") String bundleId, @PathParam("key") String key) {
        return call(() -> invoker.getService(bundleId).queryConfig(key));
    }

    @GET
    @Path("warehouses/{wareHouseId}/config/{key}")
    public String warehouse(@PathParam("wareHouseId") long wareHouseId, @PathParam("key") String key) {
        return call(() -> invoker.getService(Map.of("wareHouseId", wareHouseId)).queryConfig(key));
    }

    private static String call(java.util.function.Supplier<String> bundleCall) {
        try {
            return bundleCall.get();
        } catch (ServiceNotFoundException e) {
            throw new NotFoundException(e.getMessage());
        }
    }
}
