package io.nbf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

/** Heap, metaspace and thread readings of this JVM. */
final class BenchJvm {

    private BenchJvm() {
    }

    /** Several full collections with pauses, so weakly reachable class loaders are cleared and unloaded. */
    static void fullGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return the used heap, in bytes */
    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** @return the used metaspace (class space included), in bytes */
    static long metaspaceUsed() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return pool.getUsage().getUsed();
            }
        }
        throw new IllegalStateException("no Metaspace memory pool in this JVM");
    }

    /** @return the threads started since this JVM started */
    static long threadsStarted() {
        return ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    }
}
