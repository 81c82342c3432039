package io.nbf.modules.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry at one moment: every live implementation, per SPI. Immutable; compare snapshots by
 * identity to tell whether anything changed.
 */
public final class RegistrySnapshot {

    static final RegistrySnapshot EMPTY = new RegistrySnapshot(Map.of(), 0);

    private final Map<Class<?>, SpiServices> bySpi;
    private final long generation;

    RegistrySnapshot(Map<Class<?>, SpiServices> bySpi, long generation) {
        this.bySpi = bySpi;
        this.generation = generation;
    }

    /**
     * @param spi the SPI type
     * @return its live implementations; empty, never {@code null}, if there are none
     */
    public SpiServices services(Class<?> spi) {
        SpiServices s = bySpi.get(spi);
        return s == null ? SpiServices.EMPTY : s;
    }

    /** @return the SPIs that have at least one live implementation */
    public List<Class<?>> spis() {
        return Collections.unmodifiableList(new ArrayList<>(bySpi.keySet()));
    }

    /** @return a number that grows with every change */
    public long generation() {
        return generation;
    }

    RegistrySnapshot with(Map<Class<?>, SpiServices> changes) {
        Map<Class<?>, SpiServices> next = new HashMap<>(bySpi);
        changes.forEach((spi, services) -> {
            if (services.isEmpty()) {
                next.remove(spi);
            } else {
                next.put(spi, services);
            }
        });
        return new RegistrySnapshot(next, generation + 1);
    }

    Map<Class<?>, SpiServices> all() {
        return bySpi;
    }
}
