package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeLogger.LOG;
import static io.nbf.modules.messages.RuntimeMessages.MSG;
import static io.nbf.modules.messages.StateMessages.STATE;

import io.nbf.api.BundleFailureException;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleListener;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.BundleState;
import io.nbf.api.management.InvalidBundleException;
import io.nbf.modules.deploy.StateRestore;
import io.nbf.modules.descriptor.BundleVersion;
import io.nbf.modules.leak.LeakReport;
import io.nbf.modules.leak.LeakScanner;
import io.nbf.modules.registry.ServiceRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
public final class BundleEngine implements BundleManager, StateRestore, AutoCloseable {

    private final EngineConfig config;
    private final ServiceRegistry registry = new ServiceRegistry();
    private final BundleSlots slots = new BundleSlots();
    private final WorkDirectory work;
    private final LeakTracker leaks;
    private final Lifecycle lifecycle;
    private final Installer installer;
    private final VersionHistory history;
    private final DeploymentState state;
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
        this.state = new DeploymentState(config.stateDirectory().orElse(null));
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

    /**
     * {@inheritDoc} Some seconds after an uninstall, a version still listed after a requested full
     * collection is logged (NBF1031) with what the leak scan found.
     */
    @Override
    public List<String> unreclaimed() {
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
        return installThen(jar, (slot, b) -> {
            state.record(slot);
            return b.info();
        });
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
            state.started(slot.id, b.descriptor.version().toString());
            try {
                history.switchTo(slot, b);
            } finally {
                state.record(slot);
            }
            return b.info();
        });
    }

    /** What install and deploy share: stage and scan the file, then install it under its id's lock and go on. */
    private BundleInfo installThen(Path jar, BundleSlots.VersionOperation<BundleInfo> then) {
        requireOpen();
        WorkDirectory.Staged staged = work.stage(jar);
        return slots.withSlot(staged.bundleId(), true, slot -> {
            InstalledBundle b = installer.install(slot, staged);
            state.installed(slot.id, b.descriptor.version().toString(), b.source);
            return then.apply(slot, b);
        });
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
            state.started(slot.id, b.descriptor.version().toString());
            try {
                lifecycle.start(slot, b);
                if (slot.live == null) {
                    history.goLive(slot, b);
                }
            } finally {
                state.record(slot);
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
            state.stopped(slot.id, b.descriptor.version().toString());
            state.record(slot);
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
            state.uninstalled(slot.id, b.descriptor.version().toString(), b.source);
            state.record(slot);
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
            state.started(slot.id, b.descriptor.version().toString());
            try {
                history.switchTo(slot, b);
            } finally {
                state.record(slot);
            }
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
        return slots.withSlot(bundleId, false, slot -> {
            try {
                InstalledBundle target = history.rollback(slot);
                state.started(slot.id, target.descriptor.version().toString());
                return target.info();
            } finally {
                state.record(slot);
            }
        });
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

    // ---------------------------------------------------------------- deployment state

    /**
     * @return why the state file of {@link EngineConfig#stateDirectory()} was ignored at creation (NBF1450:
     *         corrupt or unreadable), if it was; the engine then starts from the directory's defaults
     */
    public Optional<String> stateProblem() {
        return state.problem();
    }

    /** {@inheritDoc} Always {@code false} without a state directory. */
    @Override
    public boolean uninstalledByOperator(Path jar) {
        boolean skip = state.uninstalledFile(jar);
        if (skip) {
            STATE.skippedUninstalled(jar);
        }
        return skip;
    }

    /**
     * {@inheritDoc} For each id of the state file that is installed: installs the retained versions of its
     * history that are not installed (from their copies in the state directory), restores the history (so
     * rollback goes back as before the restart), then makes the recorded live version live unless it is
     * stopped, or, if an installed version unknown to the state is higher than the recorded live one, makes
     * that one live (a new decision; the recorded one goes first on the history). Stopped versions stay
     * INSTALLED. Afterwards every decision is written. Does nothing without a state directory.
     */
    @Override
    public Set<String> restoreState() {
        Set<String> decided = new HashSet<>();
        if (!state.enabled()) {
            return decided;
        }
        for (String id : state.loadedIds()) {
            StateFile.Entry e = state.loaded(id).orElseThrow();
            try {
                slots.withSlot(id, false, slot -> {
                    if (restore(slot, e)) {
                        decided.add(id);
                    }
                    return null;
                });
            } catch (IllegalArgumentException notInstalled) {
                // nothing of it in the directory any more: the directory is the truth
            } catch (RuntimeException ex) {
                decided.add(id);
                STATE.notRestored(id, String.valueOf(e.live), ex.toString(), ex);
            }
        }
        state.restored();
        for (String id : slots.ids()) {
            try {
                slots.withSlot(id, false, slot -> {
                    state.record(slot);
                    return null;
                });
            } catch (IllegalArgumentException gone) {
                // uninstalled concurrently
            }
        }
        return decided;
    }

    private boolean restore(BundleSlot slot, StateFile.Entry e) {
        for (String v : e.history) {
            if (!slot.versions.containsKey(BundleVersion.parse(v))) {
                state.retainedCopy(slot.id, v).ifPresent(copy -> {
                    try {
                        installer.install(slot, work.stage(copy));
                    } catch (RuntimeException ex) {
                        STATE.notRestored(slot.id, v, ex.toString(), ex);
                    }
                });
            }
        }
        InstalledBundle recorded = e.live == null ? null : slot.versions.get(BundleVersion.parse(e.live));
        slot.history.clear();
        long order = -1;
        for (String v : e.history) {
            InstalledBundle b = slot.versions.get(BundleVersion.parse(v));
            if (b != null && b != recorded && !slot.history.contains(b)) {
                b.everLive = true;
                b.lastLive = order--;
                slot.history.addLast(b);
            }
        }
        InstalledBundle newest = null;
        for (InstalledBundle b : slot.versions.values()) { // ascending
            if (!e.known.contains(b.descriptor.version().toString())) {
                newest = b;
            }
        }
        if (newest != null && (recorded == null || newest.descriptor.version().compareTo(recorded.descriptor.version()) > 0)) {
            if (recorded != null) {
                recorded.everLive = true;
                recorded.lastLive = 0;
                slot.history.push(recorded);
            }
            history.switchTo(slot, newest);
            return true;
        }
        if (recorded != null && !e.stopped.contains(e.live)) {
            lifecycle.start(slot, recorded);
            history.goLive(slot, recorded);
            return true;
        }
        return e.live == null || recorded != null; // recorded live gone from the directory: its highest goes live
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
        leaks.close();
        work.close();
    }

    private void requireOpen() {
        if (closed) {
            throw MSG.engineClosed();
        }
    }
}
