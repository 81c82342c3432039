package com.acme.supply.app;

import com.acme.supply.ConfigReadService;
import com.acme.supply.support.FaultSwitch;
import io.nbf.api.DynamicInject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls hema-fresh through an ID-routed proxy, as the scenarios of degradation, breaking and throttling
 * do, and records what each call showed: who answered, how fast, whether the call reached hema-fresh's
 * code, and why it degraded (read from nbf's {@code nbf.calls.degraded} counter, attribute
 * {@code nbf.degradation.reason}).
 */
@ApplicationScoped
class HemaFreshCaller {

    static final String HEMA_FRESH = "hema-fresh";
    static final String RT_MART = "rt-mart";
    static final String KEY = "order.cutoff";

    @Inject
    @DynamicInject(pattern = HEMA_FRESH)
    ConfigReadService hemaFresh;

    @Inject
    NbfMetrics metrics;

    /** What one call showed. */
    record Call(Answer answer, RuntimeException error, long nanos, boolean reachedHemaFresh, List<String> degradedFor) {

        boolean answeredBy(String bundle) {
            return answer != null && answer.bundle().equals(bundle);
        }

        String degradation() {
            return degradedFor.isEmpty() ? "none" : String.join(", ", degradedFor);
        }

        @Override
        public String toString() {
            String who = answer != null ? answer.servedBy() + " answered" : "threw " + error;
            return who + " in " + millis(nanos)
                    + (degradedFor.isEmpty() ? "" : "; degraded: " + degradation())
                    + (reachedHemaFresh ? "" : "; hema-fresh not called");
        }
    }

    /**
     * @return the routing proxy itself, for callers that count answers on their own (read it through this
     *         method: this bean is reached through a CDI client proxy, whose fields are not the bean's)
     */
    ConfigReadService service() {
        return hemaFresh;
    }

    Call call() {
        Map<String, Long> degradedBefore = metrics.degradedByReason(HEMA_FRESH);
        long reachedBefore = FaultSwitch.calls(HEMA_FRESH);
        long start = System.nanoTime();
        Answer answer = null;
        RuntimeException error = null;
        try {
            answer = Answer.parse(hemaFresh.queryConfig(KEY));
        } catch (RuntimeException e) {
            error = e;
        }
        long nanos = System.nanoTime() - start;
        List<String> degraded = new ArrayList<>();
        metrics.degradedByReason(HEMA_FRESH).forEach((reason, n) -> {
            if (n > degradedBefore.getOrDefault(reason, 0L)) {
                degraded.add(reason);
            }
        });
        return new Call(answer, error, nanos, FaultSwitch.calls(HEMA_FRESH) > reachedBefore, degraded);
    }

    /** @return a duration for people: {@code 0.4 ms}, {@code 102 ms} */
    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format("%.1f ms", ms) : String.format("%.0f ms", ms);
    }
}
