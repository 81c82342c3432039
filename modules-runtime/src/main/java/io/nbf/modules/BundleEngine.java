package io.nbf.modules;

import io.nbf.api.BundleActivator;
import io.nbf.api.BundleFailureException;
import io.nbf.api.management.BundleEvent;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleListener;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.BundleState;
import io.nbf.api.management.InvalidBundleException;
import io.nbf.modules.descriptor.BundleDescriptor;
import io.nbf.modules.descriptor.BundleVersion;
import io.nbf.modules.leak.LeakReport;
import io.nbf.modules.leak.LeakScanner;
import io.nbf.modules.leak.ReclaimWatch;
import io.nbf.modules.loader.BundleModuleLoader;
import io.nbf.modules.loader.LoadedModule;
import io.nbf.modules.registry.ServiceEntry;
import io.nbf.modules.registry.ServiceRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.modules.ModuleLoadException;

/**
 * The bundle container. Installs bundle JARs as isolated modules, runs their lifecycle, publishes
 * their services in its {@link ServiceRegistry}, switches and rolls back versions, drains in-flight
 * calls before a version stops, and unloads uninstalled versions so their class loaders can be
 * collected.
 *
 * <p>Thread-safe: operations on one bundle id are serialized, operations on different ids run
 * concurrently, and calls read the registry without any lock. {@link #close()} uninstalls everything.
 */
public final class BundleEngine implements BundleManager, AutoCloseable {

    private static final System.Logger LOG = Logging.logger(BundleEngine.class);
    private static final int KEPT_LEAK_REPORTS = 100;

    private final EngineConfig config;
    private final ServiceRegistry registry = new ServiceRegistry();
    private final BundleModuleLoader loader = new BundleModuleLoader();
    private final HookRunner hooks;
    private final LeakScanner leakScanner;
    private final ReclaimWatch reclaimWatch = new ReclaimWatch();
    private final Deque<LeakReport> leakReports = new ArrayDeque<>();
    private final Map<String, BundleSlot> slots = new ConcurrentHashMap<>();
    private final List<BundleListener> listeners = new CopyOnWriteArrayList<>();
    private final Path workDirectory;
    private final boolean ownsWorkDirectory;
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closed;

    /**
     * Creates an engine with no bundle.
     *
     * @param config how it runs
     * @throws UncheckedIOException if the work directory cannot be created
     */
    public BundleEngine(EngineConfig config) {
        this.config = config;
        Logging.activateModuleLoggerFinder(config.exports().hostClassLoader());
        this.hooks = new HookRunner(config.hookTimeout());
        this.leakScanner = new LeakScanner(config.exports().hostClassLoader());
        try {
            if (config.workDirectory().isPresent()) {
                this.workDirectory = Files.createDirectories(config.workDirectory().get());
                this.ownsWorkDirectory = false;
            } else {
                this.workDirectory = Files.createTempDirectory("nbf-bundles-");
                this.ownsWorkDirectory = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create nbf's work directory: " + e.getMessage(), e);
        }
    }

    /** @return the registry of live services; calls read it */
    public ServiceRegistry registry() {
        return registry;
    }

    /** @return the configuration */
    public EngineConfig config() {
        return config;
    }

    /**
     * @return the uninstalled bundle versions ({@code id:version}) whose class loader has not been
     *         garbage-collected yet; after full collections, a name that stays is a leak
     */
    public List<String> unreclaimedBundles() {
        return reclaimWatch.unreclaimed();
    }

    /** @return the leak scans of the latest uninstalls that found something, oldest first */
    public List<LeakReport> leakReports() {
        synchronized (leakReports) {
            return List.copyOf(leakReports);
        }
    }

    // ---------------------------------------------------------------- install

    @Override
    public BundleInfo install(Path jar) {
        requireOpen();
        Path source = jar.toAbsolutePath().normalize();
        Path staged = stage(source);
        JarScan scan;
        try {
            scan = JarScan.read(source, staged);
        } catch (RuntimeException e) {
            deleteQuietly(staged);
            throw e;
        }
        return withSlot(scan.descriptor.id(), true, slot -> installLocked(slot, source, staged, scan).info());
    }

    private Path stage(Path source) {
        if (!Files.isRegularFile(source)) {
            throw new InvalidBundleException(source, Files.exists(source) ? "is not a regular file" : "does not exist");
        }
        Path staged = workDirectory.resolve("bundle-" + sequence.incrementAndGet() + ".jar");
        try {
            // A private copy: the user may overwrite or delete the file while the module reads it.
            Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw new InvalidBundleException(source, "cannot be read (" + e + ")", e);
        }
        return staged;
    }

    private InstalledBundle installLocked(BundleSlot slot, Path source, Path staged, JarScan scan) {
        BundleDescriptor d = scan.descriptor;
        InstalledBundle existing = slot.versions.get(d.version());
        if (existing != null) {
            deleteQuietly(staged);
            throw new InvalidBundleException(source, "bundle " + d.id() + " version " + d.version()
                    + " is already installed (from " + existing.source + "); give the new file another version");
        }
        LoadedModule module;
        try {
            module = loader.define("nbf:" + d.id() + "@" + d.version() + "#" + sequence.incrementAndGet(),
                    staged, config.exports(), d.jdkModules());
        } catch (IOException | ModuleLoadException | RuntimeException e) {
            deleteQuietly(staged);
            throw new InvalidBundleException(source, "cannot be loaded as a module: " + e, e);
        }
        try {
            BundleInspector inspected = BundleInspector.inspect(source, scan, module.classLoader(), config.exports());
            InstalledBundle b = new InstalledBundle(d, source, staged, module, inspected.services, inspected.activator);
            slot.versions.put(d.version(), b);
            slot.event(BundleEvent.Type.INSTALLED, b, null);
            LOG.log(Level.DEBUG, () -> "installed " + d.name() + " from " + source);
            return b;
        } catch (RuntimeException | Error e) {
            loader.unload(module);
            deleteQuietly(staged);
            throw e;
        }
    }

    @Override
    public BundleInfo deploy(Path jar) {
        requireOpen();
        Path source = jar.toAbsolutePath().normalize();
        Path staged = stage(source);
        JarScan scan;
        try {
            scan = JarScan.read(source, staged);
        } catch (RuntimeException e) {
            deleteQuietly(staged);
            throw e;
        }
        return withSlot(scan.descriptor.id(), true, slot -> {
            InstalledBundle b = installLocked(slot, source, staged, scan);
            switchLocked(slot, b);
            return b.info();
        });
    }

    // ---------------------------------------------------------------- start, stop, uninstall

    @Override
    public BundleInfo start(String bundleId, String version) {
        return withInstalled(bundleId, version, (slot, b) -> {
            startLocked(slot, b);
            if (slot.live == null) {
                goLive(slot, b);
            }
            return b.info();
        });
    }

    private void startLocked(BundleSlot slot, InstalledBundle b) {
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
                    Object instance = ServiceLoader.load(s.spi, cl).stream()
                            .filter(p -> p.type() == s.implementation)
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("ServiceLoader did not find " + s.implementation.getName()))
                            .get();
                    started.releases.add(config.injector().inject(instance, b.context));
                    started.instances.put(s.spi, instance);
                }
                if (b.activatorClass != null) {
                    BundleActivator activator = b.activatorClass.getConstructor().newInstance();
                    started.releases.add(config.injector().inject(activator, b.context));
                    started.activator = activator;
                    activator.start(b.context);
                }
                return null;
            });
        } catch (BundleFailureException e) {
            b.state = BundleState.FAILED;
            b.failure = e.getCause() != null ? e.getCause() : e;
            release(b, started);
            slot.event(BundleEvent.Type.FAILED, b, null);
            LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            throw e;
        }
        b.started = started;
        b.state = BundleState.ACTIVE;
        slot.event(BundleEvent.Type.STARTED, b, null);
    }

    @Override
    public BundleInfo stop(String bundleId, String version) {
        return withInstalled(bundleId, version, (slot, b) -> {
            stopLocked(slot, b);
            return b.info();
        });
    }

    private void stopLocked(BundleSlot slot, InstalledBundle b) {
        if (b.state != BundleState.ACTIVE) {
            return;
        }
        if (slot.live == b) {
            withdraw(slot, b);
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
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            }
        }
        release(b, started);
        b.started = null;
        if (failure == null) {
            b.state = BundleState.INSTALLED;
            slot.event(BundleEvent.Type.STOPPED, b, null);
        } else {
            b.state = BundleState.FAILED;
            b.failure = failure.getCause() != null ? failure.getCause() : failure;
            slot.event(BundleEvent.Type.STOPPED, b, null);
            slot.event(BundleEvent.Type.FAILED, b, null);
        }
    }

    @Override
    public BundleInfo uninstall(String bundleId, String version) {
        return withInstalled(bundleId, version, (slot, b) -> {
            uninstallLocked(slot, b);
            return b.info();
        });
    }

    private void uninstallLocked(BundleSlot slot, InstalledBundle b) {
        stopLocked(slot, b);
        slot.versions.remove(b.descriptor.version());
        slot.history.remove(b);
        ClassLoader classLoader = b.module.classLoader();
        loader.unload(b.module);
        deleteQuietly(b.staged);
        b.state = BundleState.UNINSTALLED;
        b.failure = null;
        LeakReport report = leakScanner.scan(b.name(), classLoader);
        if (!report.isClean()) {
            LOG.log(Level.WARNING, "after uninstalling " + report);
            synchronized (leakReports) {
                if (leakReports.size() == KEPT_LEAK_REPORTS) {
                    leakReports.removeFirst();
                }
                leakReports.addLast(report);
            }
        }
        reclaimWatch.watch(b.name(), classLoader);
        slot.event(BundleEvent.Type.UNINSTALLED, b, null);
    }

    // ---------------------------------------------------------------- versions

    @Override
    public BundleInfo switchTo(String bundleId, String version) {
        return withInstalled(bundleId, version, (slot, b) -> {
            switchLocked(slot, b);
            return b.info();
        });
    }

    private void switchLocked(BundleSlot slot, InstalledBundle b) {
        if (slot.live == b) {
            return;
        }
        startLocked(slot, b);
        InstalledBundle previous = slot.live;
        goLive(slot, b);
        slot.history.remove(b);
        if (previous != null) {
            slot.history.remove(previous);
            slot.history.push(previous);
        }
        enforceRetention(slot);
    }

    @Override
    public BundleInfo rollback(String bundleId) {
        return withSlot(bundleId, false, slot -> {
            InstalledBundle target = null;
            for (InstalledBundle candidate : slot.history) {
                if (candidate != slot.live && slot.versions.get(candidate.descriptor.version()) == candidate) {
                    target = candidate;
                    break;
                }
            }
            if (target == null) {
                throw new IllegalStateException("bundle " + bundleId + " has no earlier live version to roll back to; installed: "
                        + slot.versions.keySet());
            }
            startLocked(slot, target);
            goLive(slot, target); // throws, changing nothing, if its refresh hook fails
            // Rolled back from: not pushed, so a second rollback goes further back.
            while (slot.history.peek() != target) {
                slot.history.pop();
            }
            slot.history.pop();
            enforceRetention(slot);
            return target.info();
        });
    }

    @Override
    public BundleInfo refresh(String bundleId) {
        return withSlot(bundleId, false, slot -> {
            if (slot.live == null) {
                throw new IllegalStateException("bundle " + bundleId + " has no live version to refresh; installed: " + slot.versions.keySet());
            }
            runRefresh(slot.live);
            return slot.live.info();
        });
    }

    private void runRefresh(InstalledBundle b) {
        BundleActivator activator = b.started.activator;
        if (activator != null) {
            hooks.run(b, "refresh", () -> {
                activator.refresh(b.context);
                return null;
            });
        }
    }

    /** Makes an ACTIVE version the live one in one registry step; refreshes it first if it served before. */
    private void goLive(BundleSlot slot, InstalledBundle b) {
        if (b.everLive) {
            runRefresh(b);
        }
        List<ServiceEntry> entries = new ArrayList<>(b.services.size());
        ClassLoader cl = b.module.classLoader();
        b.started.instances.forEach((spi, instance) -> entries.add(new ServiceEntry(spi, instance, b.descriptor, cl)));
        List<ServiceEntry> replaced = registry.publish(slot.id, entries);
        InstalledBundle previous = slot.live;
        long now = sequence.incrementAndGet();
        if (previous != null) {
            previous.published = List.of();
            previous.withdrawn.addAll(replaced);
            previous.live = false;
            previous.lastLive = now;
        }
        b.published = entries;
        b.live = true;
        b.everLive = true;
        b.lastLive = now;
        slot.live = b;
        slot.event(BundleEvent.Type.SWITCHED, b, previous);
    }

    private void withdraw(BundleSlot slot, InstalledBundle b) {
        b.withdrawn.addAll(registry.publish(slot.id, List.of()));
        b.published = List.of();
        b.live = false;
        b.lastLive = sequence.incrementAndGet();
        slot.live = null;
    }

    /** Uninstalls the formerly live versions beyond the retention count, least recently live first. */
    private void enforceRetention(BundleSlot slot) {
        List<InstalledBundle> former = new ArrayList<>();
        for (InstalledBundle b : slot.versions.values()) {
            if (b.everLive && b != slot.live) {
                former.add(b);
            }
        }
        former.sort(Comparator.comparingLong((InstalledBundle b) -> b.lastLive).reversed());
        for (InstalledBundle b : former.subList(Math.min(config.retainedVersions(), former.size()), former.size())) {
            LOG.log(Level.DEBUG, () -> "retiring " + b.name() + ": more than " + config.retainedVersions() + " former versions of " + slot.id);
            uninstallLocked(slot, b);
        }
    }

    private void drain(InstalledBundle b) {
        try {
            if (!ServiceRegistry.awaitDrained(b.withdrawn, config.drainTimeout())) {
                long left = b.withdrawn.stream().mapToLong(ServiceEntry::inFlight).sum();
                LOG.log(Level.WARNING, "bundle " + b.name() + " still had " + left + " call(s) in flight after "
                        + config.drainTimeout().toMillis() + " ms; stopping it anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "interrupted while calls on " + b.name() + " drained; stopping it anyway");
        }
        b.withdrawn.clear();
    }

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
                LOG.log(Level.WARNING, "releasing an object of bundle " + b.name() + " failed", e);
            }
        }
        started.instances.clear();
        started.activator = null;
    }

    // ---------------------------------------------------------------- queries

    @Override
    public List<BundleInfo> bundles() {
        List<BundleInfo> all = new ArrayList<>();
        slots.keySet().stream().sorted().forEach(id -> {
            BundleSlot slot = slots.get(id);
            if (slot != null) {
                slot.versions.values().forEach(b -> all.add(b.info()));
            }
        });
        return all;
    }

    @Override
    public Optional<BundleInfo> bundle(String bundleId, String version) {
        BundleVersion v = BundleVersion.parse(version);
        BundleSlot slot = slots.get(bundleId);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.versions.get(v)).map(InstalledBundle::info);
    }

    @Override
    public Optional<BundleInfo> liveVersion(String bundleId) {
        BundleSlot slot = slots.get(bundleId);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.live).map(InstalledBundle::info);
    }

    @Override
    public void addListener(BundleListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(BundleListener listener) {
        listeners.remove(listener);
    }

    // ---------------------------------------------------------------- close

    /** Uninstalls every bundle (live ones first stop serving), then deletes the work directory if it made it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String id : new ArrayList<>(slots.keySet())) {
            try {
                withSlot(id, false, slot -> {
                    if (slot.live != null) {
                        withdraw(slot, slot.live);
                    }
                    for (InstalledBundle b : new ArrayList<>(slot.versions.values())) {
                        uninstallLocked(slot, b);
                    }
                    return null;
                });
            } catch (IllegalArgumentException gone) {
                // uninstalled concurrently
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing bundles of " + id + " failed", e);
            }
        }
        if (ownsWorkDirectory) {
            try (Stream<Path> files = Files.list(workDirectory)) {
                files.forEach(BundleEngine::deleteQuietly);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "cannot list " + workDirectory, e);
            }
            deleteQuietly(workDirectory);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private interface SlotOperation<R> {
        R apply(BundleSlot slot, InstalledBundle bundle);
    }

    private <R> R withInstalled(String bundleId, String version, SlotOperation<R> op) {
        BundleVersion v = BundleVersion.parse(version);
        return withSlot(bundleId, false, slot -> {
            InstalledBundle b = slot.versions.get(v);
            if (b == null) {
                throw notInstalled(bundleId, version, slot);
            }
            return op.apply(slot, b);
        });
    }

    /**
     * Runs {@code op} under the lock of the bundle id's slot, then fires the events it recorded, after
     * the lock is released and even if {@code op} threw.
     */
    private <R> R withSlot(String bundleId, boolean create, Function<BundleSlot, R> op) {
        while (true) {
            BundleSlot slot = create ? slots.computeIfAbsent(bundleId, BundleSlot::new) : slots.get(bundleId);
            if (slot == null) {
                throw notInstalled(bundleId, null, null);
            }
            List<BundleEvent> events;
            slot.lock.lock();
            try {
                if (slot.removed) {
                    continue; // emptied and dropped meanwhile: look again
                }
                try {
                    return op.apply(slot);
                } finally {
                    if (slot.versions.isEmpty()) {
                        slot.removed = true;
                        slots.remove(bundleId, slot);
                    }
                }
            } finally {
                events = slot.takeEvents();
                slot.lock.unlock();
                fire(events);
            }
        }
    }

    private void fire(List<BundleEvent> events) {
        for (BundleEvent event : events) {
            for (BundleListener l : listeners) {
                try {
                    l.bundleChanged(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "bundle listener " + l + " failed on " + event, e);
                }
            }
        }
    }

    private static IllegalArgumentException notInstalled(String bundleId, String version, BundleSlot slot) {
        if (version == null || slot == null) {
            return new IllegalArgumentException("bundle " + bundleId + " is not installed");
        }
        return new IllegalArgumentException("bundle " + bundleId + " version " + version
                + " is not installed; installed versions: " + slot.versions.keySet());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the nbf bundle engine is closed");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot delete " + file, e);
        }
    }
}
