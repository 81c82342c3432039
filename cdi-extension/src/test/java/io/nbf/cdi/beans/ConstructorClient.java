package io.nbf.cdi.beans;

import io.nbf.api.DynamicInject;
import io.nbf.api.RouteType;
import io.nbf.modules.testspi.Greeter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * A constructor parameter on a REG route: the regex must match the whole bundle id. Not the TCK's
 * {@code io.nbf.tck.beans.ConstructorClient} (an ID route on the TCK's PriceService): an unanchored regex is what
 * RoutingTest needs, and a CDI bean of the TCK cannot be on this module's test class path (see BundleEventLog).
 */
@Dependent
public class ConstructorClient {

    private final Greeter hangzhou;

    @Inject
    public ConstructorClient(@DynamicInject(pattern = "drf-hz-.*", type = RouteType.REG) Greeter hangzhou) {
        this.hangzhou = hangzhou;
    }

    public String greet(String name) {
        return hangzhou.greet(name);
    }
}
