package io.nbf.cdi.testspi;

import java.io.IOException;
import java.util.List;

/** An SPI with every shape of signature a generated proxy must handle. */
public interface Kitchen extends Pantry {
    void noop();

    int add(int a, int b);

    long mix(long a, double b, float c, short d, byte e, char f, boolean g);

    double half(double d);

    String[] split(String s);

    int[] squares(int[] in);

    List<String> list(String... items);

    boolean isOpen();

    char initial(String s);

    String risky(String s) throws IOException;

    default String greeting() {
        return "default";
    }
}
