package io.nbf.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.tck.spi.PriceService;
import io.nbf.tck.spi.Signals;
import io.nbf.tck.support.BundleArchives;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.logging.MDC;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * While a bundle runs, a call or a hook, JBoss Logging's MDC (the host's log manager's) holds its id,
 * version and SPI; afterwards it holds what it held before, also when the call threw.
 */
public class MdcTck extends TckTest {

    @Deployment
    public static WebArchive deployment() {
        return deployment(MdcTck.class);
    }

    @Test
    void theMdcNamesTheBundleDuringHooksAndCalls() {
        clean();
        List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
        Signals.observe((bundle, what) -> seen.add(new HashMap<>(MDC.getMap())));
        deploy(BundleArchives.price("hema-fresh", "1.0").degradation("rt-mart"));
        deploy(BundleArchives.price("rt-mart", "1.0"));
        assertThat(seen).as("the start hooks").anySatisfy(m -> assertThat(m).containsEntry("nbf.bundle.id", "hema-fresh")
                .containsEntry("nbf.bundle.version", "1.0").containsEntry("nbf.spi", PriceService.class.getName()));

        MDC.put("nbf.bundle.id", "the caller's");
        try {
            seen.clear();
            Signals.mode("hema-fresh", "throw");
            assertThat(quoteVia("hema-fresh")).startsWith("rt-mart:1.0:");
            assertThat(seen).extracting(m -> m.get("nbf.bundle.id")).containsExactly("hema-fresh", "rt-mart");
            assertThat(seen).allSatisfy(m -> assertThat(m).containsEntry("nbf.spi", PriceService.class.getName())
                    .containsEntry("nbf.bundle.version", "1.0"));
            assertThat(MDC.get("nbf.bundle.id")).as("restored after the call").isEqualTo("the caller's");
            assertThat(MDC.get("nbf.spi")).isNull();

            Signals.mode("rt-mart", "throw");
            assertThatThrownBy(() -> quoteVia("rt-mart")).isInstanceOf(IllegalStateException.class);
            assertThat(MDC.get("nbf.bundle.id")).as("restored after a call that threw").isEqualTo("the caller's");
        } finally {
            MDC.remove("nbf.bundle.id");
            Signals.observe(null);
        }
    }
}
