package io.nbf.cdi.beans;

import io.nbf.api.DynamicInject;
import io.nbf.api.DynamicInvoker;
import io.nbf.modules.testspi.Greeter;
import jakarta.enterprise.context.Dependent;
import java.util.Map;

/** Chooses the bundle per call. */
@Dependent
public class InvokerClient {

    @DynamicInject
    DynamicInvoker<Greeter> greeters;

    public String greetVia(String bundleId, String name) {
        return greeters.getService(bundleId).greet(name);
    }

    public String greetWhere(Map<String, ?> attributes, String name) {
        return greeters.getService(attributes).greet(name);
    }
}
