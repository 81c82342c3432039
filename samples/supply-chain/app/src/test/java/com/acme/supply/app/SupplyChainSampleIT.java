package com.acme.supply.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs the sample as the README's first command does, so that {@code mvn verify} fails when the sample
 * would: every check of every scenario (routing, degradation, breaking and recovery, throttle split, hot
 * deploy and rollback under load, metrics, the span tree, health) must pass. The bundles are the JARs
 * this module staged at {@code package}.
 */
class SupplyChainSampleIT {

    @Test
    void everyCheckOfTheSamplePasses() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new Tee(System.out, report), true, StandardCharsets.UTF_8);

        int status = SupplyChainApp.run(tee);

        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(status).as("exit status of the sample; its report:%n%s", text).isZero();
        assertThat(text)
                .contains("[ok]")
                .doesNotContain("[FAIL]")
                .containsPattern("all \\d+ checks passed");
    }

    /** Writes to the console (kept in the failsafe report) and to a buffer the test reads. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
            second.flush();
        }
    }
}
