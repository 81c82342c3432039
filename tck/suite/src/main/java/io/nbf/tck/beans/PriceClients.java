package io.nbf.tck.beans;

import io.nbf.api.DynamicInject;
import io.nbf.api.DynamicInvoker;
import io.nbf.api.RouteType;
import io.nbf.tck.spi.PriceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** A host bean using every calling form and routing mode. */
@ApplicationScoped
public class PriceClients {

    /** The seed's form: no @Inject. Default route. */
    @DynamicInject
    PriceService byDefault;

    @Inject
    @DynamicInject(pattern = "hema-fresh")
    PriceService hema;

    @DynamicInject(pattern = "^drf-hz.*$", type = RouteType.REG)
    PriceService hangzhou;

    @DynamicInject(pattern = "{\"merchant\":\"hema\",\"wareHouseId\":2001}", type = RouteType.RULE)
    PriceService hemaWarehouse;

    @DynamicInject
    DynamicInvoker<PriceService> invoker;

    public String byDefault(String sku) {
        return byDefault.quote(sku);
    }

    public String hema(String sku) {
        return hema.quote(sku);
    }

    public String hangzhou(String sku) {
        return hangzhou.quote(sku);
    }

    public String hemaWarehouse(String sku) {
        return hemaWarehouse.quote(sku);
    }

    public String via(String bundleId, String sku) {
        return invoker.getService(bundleId).quote(sku);
    }

    public String where(Map<String, ?> attributes, String sku) {
        return invoker.getService(attributes).quote(sku);
    }
}
