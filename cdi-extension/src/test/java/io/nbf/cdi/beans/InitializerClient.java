package io.nbf.cdi.beans;

import io.nbf.api.DynamicInject;
import io.nbf.api.RouteType;
import io.nbf.modules.testspi.Greeter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** An initializer parameter on a RULE route. */
@Dependent
public class InitializerClient {

    private Greeter hema;

    @Inject
    void setHema(@DynamicInject(pattern = "{\"merchant\":\"hema\",\"wareHouseId\":2001}", type = RouteType.RULE) Greeter hema) {
        this.hema = hema;
    }

    public String greet(String name) {
        return hema.greet(name);
    }
}
