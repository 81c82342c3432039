package com.rtmart.supply;

import com.acme.supply.ConfigReadService;
import java.util.Map;

/** RT-Mart's configuration: a hypermarket's wide radius and early cut-off. Also the fallback of hema-fresh. */
public class RtMartConfigReadService implements ConfigReadService {

    private static final Map<String, String> VALUES = Map.of(
            "delivery.radius.km", "10",
            "cutoff.time", "18:00",
            "cold-chain", "false");

    @Override
    public String queryConfig(String key) {
        return "rt-mart 1.0.0 | " + VALUES.getOrDefault(key, "n/a");
    }
}
