package io.nbf.cdi.beans;

import io.nbf.api.DynamicInject;
import io.nbf.modules.testspi.Greeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The seed's form (no @Inject) and the CDI form (with @Inject), on fields. */
@ApplicationScoped
public class FieldClient {

    @DynamicInject
    Greeter anyGreeter;

    @Inject
    @DynamicInject(pattern = "shop-b")
    Greeter shopB;

    public String viaDefault(String name) {
        return anyGreeter.greet(name);
    }

    public String viaShopB(String name) {
        return shopB.greet(name);
    }
}
