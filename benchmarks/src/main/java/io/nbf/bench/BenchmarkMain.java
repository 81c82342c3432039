package io.nbf.bench;

import java.util.Arrays;

/**
 * The entry point of {@code benchmarks.jar}: {@code summary [results-dir]} writes the summary table of a
 * run (see {@link Summary}); anything else goes to JMH's command line ({@code -h} for its options). The
 * whole suite is run by {@code benchmarks/run.sh}; see docs/BENCHMARKS.md.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("summary")) {
            Summary.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        org.openjdk.jmh.Main.main(args);
    }
}
