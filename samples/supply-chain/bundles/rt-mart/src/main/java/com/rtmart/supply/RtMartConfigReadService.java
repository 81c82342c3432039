package com.rtmart.supply;

import com.acme.supply.ConfigReadService;
import com.acme.supply.support.BundleLabel;
import com.acme.supply.support.FaultSwitch;
import java.util.Map;

/**
 * RT-Mart's configuration. It is also hema-fresh's degradation bundle: a call meant for hema-fresh that
 * degrades arrives here with the same method and arguments.
 *
 * <p>Public, with a public no-argument constructor, and named in
 * {@code META-INF/services/com.acme.supply.ConfigReadService}: what nbf needs to serve it.
 */
public class RtMartConfigReadService implements ConfigReadService {

    private static final String ID = "rt-mart";

    private static final Map<String, String> CONFIG = Map.of(
            "delivery.radius.km", "10",
            "order.cutoff", "20:00",
            "cold-chain", "none");

    private final String label = BundleLabel.of(getClass());

    @Override
    public String queryConfig(String key) {
        FaultSwitch.enter(ID); // the demo's fault injection; also counts the calls that reach this bundle
        return label + " | " + key + " = " + CONFIG.getOrDefault(key, "n/a");
    }
}
