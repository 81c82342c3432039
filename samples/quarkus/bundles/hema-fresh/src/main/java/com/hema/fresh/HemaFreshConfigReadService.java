package com.hema.fresh;

import com.acme.supply.ConfigReadService;
import com.acme.supply.Region;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Hema Fresh's configuration: a small delivery radius, a late cut-off. Uses a host bean, {@link Region},
 * injected by nbf. The key {@code fail} throws and {@code slow} takes two seconds, to show degradation
 * to rt-mart on an exception and on a timeout.
 */
public class HemaFreshConfigReadService implements ConfigReadService {

    private static final Map<String, String> VALUES = Map.of(
            "delivery.radius.km", "3",
            "cutoff.time", "22:00",
            "cold-chain", "true");

    @Inject
    Region region;

    @Override
    public String queryConfig(String key) {
        if (key.equals("fail")) {
            throw new IllegalStateException("hema-fresh cannot answer '" + key + "'");
        }
        if (key.equals("slow")) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the guard's timeout interrupts us: give up
            }
        }
        String value = key.equals("region") ? region.name() : VALUES.getOrDefault(key, "n/a");
        return "hema-fresh 1.0.0 | " + value;
    }
}
