// snippet:weld-main
package com.acme.supply.app;

import com.acme.supply.ConfigReadService;
import io.nbf.api.DynamicInject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** The smallest nbf host: Weld SE, and one bean that calls the bundle the default route picks. */
@ApplicationScoped
public class HelloNbf {

    @DynamicInject
    ConfigReadService config;

    String ask(String key) {
        return config.queryConfig(key);
    }

    public static void main(String[] args) {
        // new Weld() discovers nbf's extension (META-INF/services) and this bean (META-INF/beans.xml)
        try (WeldContainer weld = new Weld().initialize()) {
            System.out.println(weld.select(HelloNbf.class).get().ask("delivery.radius.km"));
        }
    }
}
// snippet:end
