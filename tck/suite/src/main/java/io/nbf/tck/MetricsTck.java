package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nbf.tck.spi.Signals;
import io.nbf.tck.support.BundleArchives;
import io.nbf.tck.support.MetricsReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Calls are counted in MicroProfile Metrics where the container has it; skipped, saying so, where it has not. */
public class MetricsTck extends TckTest {

    @Deployment
    public static WebArchive deployment() {
        return deployment(MetricsTck.class);
    }

    @Test
    void callsFailuresAndDegradationsAreCounted() {
        clean();
        assumeTrue(MetricsReader.available(), "the container has no MicroProfile Metrics (e.g. WildFly 39): nbf records nothing there");
        deploy(BundleArchives.price("hema-fresh", "1.0").degradation("rt-mart"));
        deploy(BundleArchives.price("rt-mart", "1.0"));
        long callsBefore = MetricsReader.counter("nbf.calls", "hema-fresh", "quote", null);
        long degradedBefore = MetricsReader.counter("nbf.calls.degraded", "hema-fresh", "quote", "EXCEPTION");
        for (int i = 0; i < 3; i++) {
            quoteVia("hema-fresh");
        }
        Signals.mode("hema-fresh", "throw");
        quoteVia("hema-fresh");
        assertThat(MetricsReader.counter("nbf.calls", "hema-fresh", "quote", null) - callsBefore).isEqualTo(4);
        assertThat(MetricsReader.counter("nbf.calls.degraded", "hema-fresh", "quote", "EXCEPTION") - degradedBefore).isEqualTo(1);
    }
}
