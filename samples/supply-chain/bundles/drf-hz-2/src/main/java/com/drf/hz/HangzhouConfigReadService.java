package com.drf.hz;

import com.acme.supply.ConfigReadService;
import com.acme.supply.support.BundleLabel;
import com.acme.supply.support.FaultSwitch;
import java.util.Map;

/**
 * The configuration of distribution centre Hangzhou 2 (the same class name as drf-hz-1: bundles are isolated).
 *
 * <p>Public, with a public no-argument constructor, and named in
 * {@code META-INF/services/com.acme.supply.ConfigReadService}: what nbf needs to serve it.
 */
public class HangzhouConfigReadService implements ConfigReadService {

    private static final String ID = "drf-hz-2";

    private static final Map<String, String> CONFIG = Map.of(
            "delivery.radius.km", "30",
            "order.cutoff", "18:30",
            "cold-chain", "chilled");

    private final String label = BundleLabel.of(getClass());

    @Override
    public String queryConfig(String key) {
        FaultSwitch.enter(ID); // the demo's fault injection; also counts the calls that reach this bundle
        return label + " | " + key + " = " + CONFIG.getOrDefault(key, "n/a");
    }
}
