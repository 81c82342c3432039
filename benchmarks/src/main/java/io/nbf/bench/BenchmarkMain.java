package io.nbf.bench;

/** Runs JMH (placeholder for the suite runner that writes results/; see docs/BENCHMARKS.md). */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
