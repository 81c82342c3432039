package com.hema.fresh;

import com.acme.supply.ConfigReadService;
import com.acme.supply.support.BundleLabel;
import com.acme.supply.support.FaultSwitch;
import java.util.Map;

/**
 * Hema Fresh's configuration for warehouse 2001, release 1.0.0.
 *
 * <p>Public, with a public no-argument constructor, and named in
 * {@code META-INF/services/com.acme.supply.ConfigReadService}: what nbf needs to serve it.
 */
public class HemaFreshConfigReadService implements ConfigReadService {

    private static final String ID = "hema-fresh";

    private static final Map<String, String> CONFIG = Map.of(
            "delivery.radius.km", "3",
            "order.cutoff", "21:00",
            "cold-chain", "chilled");

    private final String label = BundleLabel.of(getClass());

    @Override
    public String queryConfig(String key) {
        FaultSwitch.enter(ID); // the demo's fault injection; also counts the calls that reach this bundle
        return label + " | " + key + " = " + CONFIG.getOrDefault(key, "n/a");
    }
}
