package io.nbf.proxy;

import java.util.List;
import java.util.Map;

/**
 * A test SPI (exported to bundles) with a method of each kind of parameter and return type a generated
 * proxy must pass through: the plain path loads, the slow path boxes and unboxes every one of them.
 */
public interface Shapes {

    /** @return the bundle's id */
    String who();

    /** @return the class of the frame that called the bundle's method */
    String caller();

    /** @return the context class loader during the call */
    ClassLoader contextLoader();

    long sumLongs(long a, long b);

    double scale(double d, float f);

    float ratio(float a, float b);

    int total(int[] values);

    String join(String[] parts);

    long corner(long[][] grid);

    String concat(String... parts);

    long sum(int first, long... rest);

    void record(String value);

    String recorded();

    boolean positive(double d);

    char last(String s);

    byte low(int i);

    short twice(short s);

    long[] range(long from, int count);

    double[] halves(double... values);

    Map<String, List<Integer>> lengths(List<String> words);

    <T extends Comparable<T>> T max(List<T> items);

    /** Throws what {@code kind} names: "checked" (IOException), "runtime", "error" (the bundle's own Error). */
    String fail(String kind) throws Exception;

    /** @return what {@link #fail} threw last */
    Throwable lastThrown();

    /** Sixty parameters, mixing two-slot longs and doubles with one-slot ints and floats. */
    String wide(
            long p0, double p1, int p2, long p3, double p4, float p5,
            long p6, double p7, int p8, long p9, double p10, float p11,
            long p12, double p13, int p14, long p15, double p16, float p17,
            long p18, double p19, int p20, long p21, double p22, float p23,
            long p24, double p25, int p26, long p27, double p28, float p29,
            long p30, double p31, int p32, long p33, double p34, float p35,
            long p36, double p37, int p38, long p39, double p40, float p41,
            long p42, double p43, int p44, long p45, double p46, float p47,
            long p48, double p49, int p50, long p51, double p52, float p53,
            long p54, double p55, int p56, long p57, double p58, float p59);
}
