package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeLogger.LOG;
import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.BundleActivator;
import io.nbf.api.BundleFailureException;
import io.nbf.api.management.BundleEvent;
import io.nbf.api.management.BundleState;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.registry.ServiceRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The lifecycle of one version: start (create its service objects and activator, inject them, run the
 * start hook), stop (withdraw it if live, drain in-flight calls, run the stop hook, release what was
 * injected) and refresh. Bundle code runs through the {@link HookRunner}. Called under the id's lock.
 */
final class Lifecycle {

    private final HookRunner hooks;
    private final InstanceInjector injector;
    private final Duration drainTimeout;
    private final Publisher publisher;

    Lifecycle(HookRunner hooks, InstanceInjector injector, Duration drainTimeout, Publisher publisher) {
        this.hooks = hooks;
        this.injector = injector;
        this.drainTimeout = drainTimeout;
        this.publisher = publisher;
    }

    /**
     * Starts a version unless it is ACTIVE: INSTALLED (or FAILED) to ACTIVE, recording STARTED.
     *
     * @throws BundleFailureException (NBF1540–NBF1542) if creating, injecting or starting its objects
     *         failed; it is then FAILED, what was created is released, and FAILED is recorded
     */
    void start(BundleSlot slot, InstalledBundle b) {
        if (b.state == BundleState.ACTIVE) {
            return;
        }
        b.state = BundleState.STARTING;
        b.failure = null;
        InstalledBundle.Started started = new InstalledBundle.Started();
        try {
            hooks.run(b, "start", () -> {
                ClassLoader cl = b.module.classLoader();
                for (ProvidedService s : b.services) {
                    Object instance = ServiceLoader.load(s.spi(), cl).stream()
                            .filter(p -> p.type() == s.implementation())
                            .findFirst()
                            .orElseThrow(() -> MSG.providerNotFound(s.implementation().getName()))
                            .get();
                    started.releases.add(injector.inject(instance, b.context));
                    started.instances.put(s.spi(), instance);
                }
                if (b.activatorClass != null) {
                    BundleActivator activator = b.activatorClass.getConstructor().newInstance();
                    started.releases.add(injector.inject(activator, b.context));
                    started.activator = activator;
                    activator.start(b.context);
                }
                return null;
            });
        } catch (BundleFailureException e) {
            b.state = BundleState.FAILED;
            b.failure = causeOf(e);
            release(b, started);
            slot.event(BundleEvent.Type.FAILED, b, null);
            LOG.startFailed(b.name(), e.getMessage(), e.getCause());
            throw e;
        }
        b.started = started;
        b.state = BundleState.ACTIVE;
        slot.event(BundleEvent.Type.STARTED, b, null);
    }

    /**
     * Stops an ACTIVE version (anything else is left as it is): withdraws it if live, drains, runs the stop
     * hook, releases its objects; records STOPPED. A failing stop hook does not throw: it is logged
     * (NBF1002), the version ends FAILED and FAILED is recorded too.
     */
    void stop(BundleSlot slot, InstalledBundle b) {
        if (b.state != BundleState.ACTIVE) {
            return;
        }
        if (slot.live == b) {
            publisher.withdraw(slot, b);
        }
        b.state = BundleState.STOPPING;
        drain(b);
        InstalledBundle.Started started = b.started;
        BundleFailureException failure = null;
        if (started.activator != null) {
            try {
                hooks.run(b, "stop", () -> {
                    started.activator.stop(b.context);
                    return null;
                });
            } catch (BundleFailureException e) {
                failure = e;
                LOG.stopFailed(b.name(), e.getMessage(), e.getCause());
            }
        }
        release(b, started);
        b.started = null;
        if (failure == null) {
            b.state = BundleState.INSTALLED;
            slot.event(BundleEvent.Type.STOPPED, b, null);
        } else {
            b.state = BundleState.FAILED;
            b.failure = causeOf(failure);
            slot.event(BundleEvent.Type.STOPPED, b, null);
            slot.event(BundleEvent.Type.FAILED, b, null);
        }
    }

    /**
     * Runs the refresh hook of an ACTIVE version, if it has an activator.
     *
     * @throws BundleFailureException (NBF1540–NBF1542) if the hook failed; the version stays as it was
     */
    void refresh(InstalledBundle b) {
        BundleActivator activator = b.started.activator;
        if (activator != null) {
            hooks.run(b, "refresh", () -> {
                activator.refresh(b.context);
                return null;
            });
        }
    }

    private static Throwable causeOf(BundleFailureException e) {
        return e.getCause() != null ? e.getCause() : e;
    }

    private void drain(InstalledBundle b) {
        try {
            if (!ServiceRegistry.awaitDrained(b.withdrawn, drainTimeout)) {
                long left = b.withdrawn.stream().mapToLong(ServiceEntry::inFlight).sum();
                LOG.drainTimedOut(b.name(), left, drainTimeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.drainInterrupted(b.name());
        }
        b.withdrawn.clear();
    }

    /** Runs what releases the injected objects, then forgets the objects. */
    private void release(InstalledBundle b, InstalledBundle.Started started) {
        List<Runnable> releases;
        synchronized (started.releases) {
            releases = new ArrayList<>(started.releases);
            started.releases.clear();
        }
        for (Runnable r : releases) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.releaseFailed(b.name(), e);
            }
        }
        started.instances.clear();
        started.activator = null;
    }
}
