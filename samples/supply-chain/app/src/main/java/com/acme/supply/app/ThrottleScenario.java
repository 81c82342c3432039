package com.acme.supply.app;

import static com.acme.supply.app.HemaFreshCaller.HEMA_FRESH;
import static com.acme.supply.app.HemaFreshCaller.KEY;
import static com.acme.supply.app.HemaFreshCaller.RT_MART;

import com.acme.supply.support.FaultSwitch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scenario 3: a weighted split. With {@code throttle.degrade-percent=20} nbf sends a random fifth of
 * hema-fresh's calls straight to rt-mart, the seed's way of shedding load from a bundle under pressure.
 */
@ApplicationScoped
class ThrottleScenario {

    static final int CALLS = 1000;
    static final int PERCENT = 20;

    @Inject
    HemaFreshCaller caller;

    @Inject
    GuardKeys keys;

    @Inject
    NbfMetrics metrics;

    /** @return how many calls went to rt-mart */
    long run(Report report) {
        report.section("3. Throttling: a weighted split between hema-fresh and rt-mart");
        try {
            keys.guard(HEMA_FRESH, Map.of("throttle.degrade-percent", String.valueOf(PERCENT))).forEach(k -> report.line("config   " + k));
            long reachedBefore = FaultSwitch.calls(HEMA_FRESH);
            long throttledBefore = metrics.degradedByReason(HEMA_FRESH).getOrDefault("throttled", 0L);
            Map<String, Integer> byBundle = new TreeMap<>();
            for (int i = 0; i < CALLS; i++) {
                byBundle.merge(Answer.parse(caller.service().queryConfig(KEY)).bundle(), 1, Integer::sum);
            }
            int hema = byBundle.getOrDefault(HEMA_FRESH, 0);
            int rtMart = byBundle.getOrDefault(RT_MART, 0);
            long reached = FaultSwitch.calls(HEMA_FRESH) - reachedBefore;
            long throttled = metrics.degradedByReason(HEMA_FRESH).getOrDefault("throttled", 0L) - throttledBefore;
            // A binomial split: mean 200, standard deviation sqrt(1000 * 0.2 * 0.8) = 12.6; allow about 5 of them.
            int expected = CALLS * PERCENT / 100;
            report.check(hema + rtMart == CALLS && Math.abs(rtMart - expected) <= 60,
                    String.format("%d calls        -> hema-fresh %d, rt-mart %d (%.1f%% split off)", CALLS, hema, rtMart, 100.0 * rtMart / CALLS),
                    "about " + (CALLS - expected) + " / " + expected);
            report.check(reached == hema && throttled == rtMart,
                    "hema-fresh's code ran " + reached + " times; nbf.calls.degraded{nbf.degradation.reason=throttled} rose by " + throttled,
                    hema + " and " + rtMart);
            return rtMart;
        } finally {
            keys.clear();
        }
    }
}
