package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeLogger.LOG;
import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.BundleFailureException;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleListener;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.BundleState;
import io.nbf.api.management.InvalidBundleException;
import io.nbf.modules.leak.LeakReport;
import io.nbf.modules.leak.LeakScanner;
import io.nbf.modules.registry.ServiceRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The bundle container. Installs bundle JARs as isolated modules, runs their lifecycle, publishes
 * their services in its {@link ServiceRegistry}, switches and rolls back versions, drains in-flight
 * calls before a version stops, and unloads uninstalled versions so their class loaders can be
 * collected.
 *
 * <p>Thread-safe: operations on one bundle id are serialized, operations on different ids run
 * concurrently, and calls read the registry without any lock. {@link #close()} uninstalls everything.
 *
 * <p>This class is the façade; the work is done, under the id's lock, by package-private rooms:
 * {@code WorkDirectory} (staging), {@code Installer} (module define and unload), {@code Lifecycle} (start,
 * stop, drain), {@code Publisher} (registry), {@code VersionHistory} (switch, rollback, retention),
 * {@code LeakTracker} (leaks at uninstall) and {@code BundleSlots} (per-id locking and events).
 *
 * <p>Contracts common to the {@link BundleManager} methods: a {@code null} bundle id, file or listener
 * throws {@link NullPointerException}; a version that is {@code null} or malformed throws
 * {@link IllegalArgumentException} (NBF1560); naming an id or version that is not installed throws
 * {@link IllegalArgumentException} (NBF1550, NBF1551). Queries never throw for a missing bundle: they
 * return empty. Messages carry an id {@code NBFnnnn} (see {@code io.nbf.modules.messages}).
 */
public final class BundleEngine implements BundleManager, AutoCloseable {

    private final EngineConfig config;
    private final ServiceRegistry registry = new ServiceRegistry();
    private final BundleSlots slots = new BundleSlots();
    private final WorkDirectory work;
    private final LeakTracker leaks;
    private final Lifecycle lifecycle;
    private final Installer installer;
    private final VersionHistory history;
    private volatile boolean closed;

    /**
     * Creates an engine with no bundle. Activates JBoss Modules' {@code System.LoggerFinder} if needed
     * (see {@code Logging}).
     *
     * @param config how it runs
     * @throws UncheckedIOException (NBF1555) if the work directory cannot be created
     * @throws NullPointerException if {@code config} is {@code null}
     */
    public BundleEngine(EngineConfig config) {
        this.config = config;
        Logging.activateModuleLoggerFinder(config.exports().hostClassLoader());
        Publisher publisher = new Publisher(registry);
        this.lifecycle = new Lifecycle(new HookRunner(config.hookTimeout()), config.injector(), config.drainTimeout(), publisher);
        this.leaks = new LeakTracker(new LeakScanner(config.exports().hostClassLoader()));
        this.work = new WorkDirectory(config.workDirectory());
        this.installer = new Installer(config.exports(), work, lifecycle, publisher, leaks);
        this.history = new VersionHistory(lifecycle, publisher, installer, config.retainedVersions());
    }

    /** @return the registry of live services; calls read it; never {@code null} */
    public ServiceRegistry registry() {
        return registry;
    }

    /** @return the configuration; never {@code null} */
    public EngineConfig config() {
        return config;
    }

    /**
     * @return the uninstalled bundle versions ({@code id:version}) whose class loader has not been
     *         garbage-collected yet, sorted; after full collections, a name that stays is a leak
     */
    public List<String> unreclaimedBundles() {
        return leaks.unreclaimed();
    }

    /** @return the leak scans of the latest uninstalls (at most 100) that found something, oldest first; a snapshot */
    public List<LeakReport> leakReports() {
        return leaks.reports();
    }

    // ---------------------------------------------------------------- install

    /**
     * {@inheritDoc}
     *
     * @throws InvalidBundleException if the file is rejected (NBF1500–NBF1531; NBF1505 if its id and
     *         version are installed already); nothing changed
     * @throws IllegalStateException (NBF1554) if the engine is closed
     * @throws NullPointerException if {@code jar} is {@code null}
     */
    @Override
    public BundleInfo install(Path jar) {
        return installThen(jar, (slot, b) -> b.info());
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidBundleException as {@link #install}; nothing changed
     * @throws BundleFailureException (NBF1540–NBF1542) if its start hook failed; the version stays installed,
     *         {@link BundleState#FAILED}, and the previous live version keeps serving
     * @throws IllegalStateException (NBF1554) if the engine is closed
     * @throws NullPointerException if {@code jar} is {@code null}
     */
    @Override
    public BundleInfo deploy(Path jar) {
        return installThen(jar, (slot, b) -> {
            history.switchTo(slot, b);
            return b.info();
        });
    }

    /** What install and deploy share: stage and scan the file, then install it under its id's lock and go on. */
    private BundleInfo installThen(Path jar, BundleSlots.VersionOperation<BundleInfo> then) {
        requireOpen();
        WorkDirectory.Staged staged = work.stage(jar);
        return slots.withSlot(staged.bundleId(), true, slot -> then.apply(slot, installer.install(slot, staged)));
    }

    // ---------------------------------------------------------------- start, stop, uninstall

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the version is malformed (NBF1560) or not installed (NBF1550, NBF1551)
     * @throws BundleFailureException (NBF1540–NBF1542) if its start hook failed (it is then FAILED), or,
     *         when it goes live again after serving before, its refresh hook failed (it stays ACTIVE, not live)
     */
    @Override
    public BundleInfo start(String bundleId, String version) {
        return slots.withVersion(bundleId, version, (slot, b) -> {
            lifecycle.start(slot, b);
            if (slot.live == null) {
                history.goLive(slot, b);
            }
            return b.info();
        });
    }

    /**
     * {@inheritDoc} A failing stop hook does not throw: it is logged (NBF1002) and the version ends
     * {@link BundleState#FAILED}, its objects released.
     *
     * @throws IllegalArgumentException if the version is malformed (NBF1560) or not installed (NBF1550, NBF1551)
     */
    @Override
    public BundleInfo stop(String bundleId, String version) {
        return slots.withVersion(bundleId, version, (slot, b) -> {
            lifecycle.stop(slot, b);
            return b.info();
        });
    }

    /**
     * {@inheritDoc} Never throws for a failing stop hook (see {@link #stop}).
     *
     * @throws IllegalArgumentException if the version is malformed (NBF1560) or not installed (NBF1550, NBF1551)
     */
    @Override
    public BundleInfo uninstall(String bundleId, String version) {
        return slots.withVersion(bundleId, version, (slot, b) -> {
            installer.uninstall(slot, b);
            return b.info();
        });
    }

    // ---------------------------------------------------------------- versions

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the version is malformed (NBF1560) or not installed (NBF1550, NBF1551)
     * @throws BundleFailureException (NBF1540–NBF1542) if starting or refreshing it failed; what was live keeps serving
     */
    @Override
    public BundleInfo switchTo(String bundleId, String version) {
        return slots.withVersion(bundleId, version, (slot, b) -> {
            history.switchTo(slot, b);
            return b.info();
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException (NBF1550) if the id is not installed
     * @throws IllegalStateException (NBF1552) if the id has no earlier live version still installed
     * @throws BundleFailureException (NBF1540–NBF1542) if starting or refreshing it failed; what was live keeps serving
     */
    @Override
    public BundleInfo rollback(String bundleId) {
        return slots.withSlot(bundleId, false, slot -> history.rollback(slot).info());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException (NBF1550) if the id is not installed
     * @throws IllegalStateException (NBF1553) if the id has no live version
     * @throws BundleFailureException (NBF1540–NBF1542) if the hook failed; the version keeps serving
     */
    @Override
    public BundleInfo refresh(String bundleId) {
        return slots.withSlot(bundleId, false, slot -> history.refreshLive(slot).info());
    }

    // ---------------------------------------------------------------- queries

    /** {@inheritDoc} A snapshot, taken without waiting for running operations. */
    @Override
    public List<BundleInfo> bundles() {
        return slots.infos();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException (NBF1560) if the version is malformed
     */
    @Override
    public Optional<BundleInfo> bundle(String bundleId, String version) {
        return slots.info(bundleId, version);
    }

    @Override
    public Optional<BundleInfo> liveVersion(String bundleId) {
        return slots.liveInfo(bundleId);
    }

    /**
     * {@inheritDoc} Listeners are called after the change, outside the id's lock; one that throws is
     * logged (NBF1009) and the others are still called.
     *
     * @throws NullPointerException if {@code listener} is {@code null}
     */
    @Override
    public void addListener(BundleListener listener) {
        slots.addListener(listener);
    }

    @Override
    public void removeListener(BundleListener listener) {
        slots.removeListener(listener);
    }

    // ---------------------------------------------------------------- close

    /**
     * Uninstalls every bundle (live ones first stop serving), then deletes the work directory if it made
     * it. Never throws: a failure is logged (NBF1008). Closing twice does nothing; after close, install and
     * deploy throw {@link IllegalStateException} (NBF1554).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String id : slots.ids()) {
            try {
                slots.withSlot(id, false, slot -> {
                    installer.uninstallAll(slot);
                    return null;
                });
            } catch (IllegalArgumentException gone) {
                // uninstalled concurrently
            } catch (RuntimeException e) {
                LOG.closeFailed(id, e);
            }
        }
        work.close();
    }

    private void requireOpen() {
        if (closed) {
            throw MSG.engineClosed();
        }
    }
}
