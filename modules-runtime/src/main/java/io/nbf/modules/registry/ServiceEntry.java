package io.nbf.modules.registry;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.modules.descriptor.BundleDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One implementation of one SPI, published by one live bundle version. A call {@link #tryEnter()}s
 * the entry before it runs and {@link #exit()}s after; once the entry is withdrawn from the registry
 * it is retired, new calls can no longer enter, and the container waits for the in-flight count to
 * reach zero before it stops the bundle.
 *
 * <p>The in-flight count is striped by thread ({@link InFlightCounter}), so calling threads do not
 * contend on one counter.
 */
public final class ServiceEntry {

    private final Class<?> spi;
    private final Object instance;
    private final BundleDescriptor bundle;
    private final ClassLoader classLoader;
    private final Map<String, String[]> attributeTokens;
    private final InFlightCounter inFlight = new InFlightCounter();
    private volatile boolean retired;

    /**
     * @param spi the SPI type (the host's class)
     * @param instance the bundle's implementation object
     * @param bundle the bundle version that provides it
     * @param classLoader the bundle's class loader, the context class loader during calls
     * @throws IllegalArgumentException (NBF1593) if {@code instance} does not implement {@code spi}
     * @throws NullPointerException if an argument is {@code null}
     */
    public ServiceEntry(Class<?> spi, Object instance, BundleDescriptor bundle, ClassLoader classLoader) {
        this.spi = Objects.requireNonNull(spi, "spi");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        if (!spi.isInstance(instance)) {
            throw MSG.instanceNotOfSpi(instance.getClass().getName(), spi.getName());
        }
        Map<String, String[]> tokens = new HashMap<>();
        bundle.attributes().forEach((key, value) -> tokens.put(key, AttributeMatch.tokens(value)));
        this.attributeTokens = Map.copyOf(tokens);
    }

    /** The index tokens of each attribute (see {@link AttributeMatch#tokens}), computed once. */
    Map<String, String[]> attributeTokens() {
        return attributeTokens;
    }

    /** @return whether the attribute {@code key} has the index token {@code token} */
    boolean hasToken(String key, String token) {
        String[] tokens = attributeTokens.get(key);
        if (tokens != null) {
            for (String t : tokens) {
                if (t.equals(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the SPI type */
    public Class<?> spi() {
        return spi;
    }

    /** @return the implementation object; call it only between {@link #tryEnter()} and {@link #exit()} */
    public Object instance() {
        return instance;
    }

    /** @return the bundle version that provides the implementation */
    public BundleDescriptor bundle() {
        return bundle;
    }

    /** @return the bundle id, shorthand for {@code bundle().id()} */
    public String bundleId() {
        return bundle.id();
    }

    /** @return the bundle's class loader */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Registers a call on this entry.
     *
     * @return {@code true} if the call may proceed and must {@link #exit()} afterwards; {@code false}
     *         if the entry was retired in the meantime, and the caller must look the route up again
     */
    public boolean tryEnter() {
        inFlight.add(1);
        // Dekker-style with retire(): the increment is a volatile read-modify-write, so either this
        // read sees retired, or the retiring thread's sum sees this call.
        if (retired) {
            inFlight.add(-1);
            return false;
        }
        return true;
    }

    /** Ends a call that {@link #tryEnter()} admitted. */
    public void exit() {
        inFlight.add(-1);
    }

    /** @return whether the entry is withdrawn; new calls cannot enter it */
    public boolean retired() {
        return retired;
    }

    /** @return the calls in flight now */
    public long inFlight() {
        return inFlight.sum();
    }

    void retire() {
        retired = true;
    }

    @Override
    public String toString() {
        return spi.getName() + " by " + bundle.name() + (retired ? " (retired)" : "");
    }
}
