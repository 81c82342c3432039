package io.nbf.modules.deploy;

import static io.nbf.modules.messages.RuntimeLogger.LOG;
import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.BundleState;
import io.nbf.api.management.InvalidBundleException;
import io.nbf.modules.descriptor.BundleVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a directory of bundle JARs and a {@link BundleManager} in step; the directory is the truth for what
 * this deployer installed:
 * <ul>
 *   <li>at {@link #start()}, every JAR is installed, and for each bundle id the highest version goes live;
 *       with a manager that keeps a deployment state ({@link StateRestore}, the engine with a state directory),
 *       a JAR holding a version the operator uninstalled is not installed while unchanged, and the recorded
 *       state (live version, history, stopped versions) is restored before the highest versions apply to the
 *       ids it does not decide;</li>
 *   <li>a new JAR is installed, started and switched to ({@link BundleManager#deploy});</li>
 *   <li>a changed JAR is installed as a new version and switched to; it must declare a version not
 *       installed yet, else it is rejected and the running version keeps serving;</li>
 *   <li>a changed JAR first replaces the versions installed from it that are {@link BundleState#FAILED}, so a
 *       fixed file with the same id and version deploys;</li>
 *   <li>a deleted JAR is uninstalled, with every version installed from that file, whatever its state
 *       (FAILED included);</li>
 *   <li>a JAR rejected because its id and version are installed from another file (NBF1505) is tried again
 *       when a file's bundles are uninstalled, so it deploys once its twin's file is deleted.</li>
 * </ul>
 * Which files: regular files whose name ends with {@code .jar} in any case ({@code .JAR} too) and does not
 * start with {@code .} (hidden and temporary files), not recursive. Symbolic links are followed: a link to a
 * JAR is deployed from the link's path, and a dangling link or a link to a directory is ignored.
 * The directory is polled. A file is acted on once its size, modification time and file key are the same in
 * two consecutive scans, so a JAR still being copied is usually not read half-written; the safe way to drop
 * a JAR is to copy it elsewhere on the same file system, then move it in (an atomic rename). A file that is
 * rejected is logged once, listed by {@link #failures()}, and tried again only when it changes (or, for
 * NBF1505, when its twin goes). A scan never dies: any {@link Throwable} of a file is logged naming it, any
 * other of a scan is logged, and scanning goes on. Thread-safe.
 */
public final class DirectoryDeployer implements AutoCloseable {

    private final BundleManager manager;
    private final Path directory;
    private final Duration interval;
    private final Map<Path, Observed> known = new HashMap<>();
    private final Map<Path, Observed> pending = new HashMap<>();
    private final Map<Path, String> failures = new TreeMap<>();
    private ScheduledExecutorService scanner;
    private volatile Thread scanThread;

    /** A file as one scan saw it, and the versions installed from it. */
    private static final class Observed {
        final long size;
        final long modified;
        final Object fileKey;
        final List<String[]> installed = new ArrayList<>(); // {id, version}
        boolean conflict; // rejected with NBF1505: retried when bundles are uninstalled

        Observed(BasicFileAttributes a) {
            this.size = a.size();
            this.modified = a.lastModifiedTime().toMillis();
            this.fileKey = a.fileKey();
        }

        boolean sameAs(Observed o) {
            return o != null && size == o.size && modified == o.modified && Objects.equals(fileKey, o.fileKey);
        }
    }

    /**
     * @param manager the container to keep in step
     * @param directory the directory to watch; created if missing
     * @param interval how often {@link #start()} scans; unused by {@link #scanOnce()}
     */
    public DirectoryDeployer(BundleManager manager, Path directory, Duration interval) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.directory = directory.toAbsolutePath().normalize();
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** @return the watched directory */
    public Path directory() {
        return directory;
    }

    /**
     * Installs what the directory holds, then scans it every interval on a daemon thread.
     *
     * @throws UncheckedIOException if the directory cannot be created (NBF1582) or read (NBF1583)
     * @throws IllegalStateException (NBF1580) if already started
     * @throws IllegalArgumentException (NBF1581) if the interval is not positive
     */
    public synchronized void start() {
        if (scanner != null) {
            throw MSG.deployerAlreadyStarted(directory);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw MSG.scanIntervalNotPositive(interval);
        }
        scanOnce();
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nbf deploy " + directory.getFileName());
            t.setDaemon(true);
            scanThread = t;
            return t;
        });
        long millis = interval.toMillis();
        scanner.scheduleWithFixedDelay(this::scanSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Installs what the directory holds, as {@link #start()} does, without scanning it afterwards.
     *
     * @throws UncheckedIOException if the directory cannot be created (NBF1582) or read (NBF1583)
     */
    public synchronized void scanOnce() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw MSG.bundleDirectoryNotCreated(directory, e.getMessage(), e);
        }
        initialScan();
    }

    /**
     * Scans now, on the calling thread; changes act after two scans in which they look the same. A file
     * the manager rejects is logged (NBF1024) and listed by {@link #failures()}, never thrown.
     *
     * @throws UncheckedIOException (NBF1583) if the directory cannot be read
     */
    public synchronized void scan() {
        Map<Path, Observed> now = list();
        for (Map.Entry<Path, Observed> e : now.entrySet()) {
            Path file = e.getKey();
            Observed seen = e.getValue();
            if (seen.sameAs(known.get(file))) {
                pending.remove(file);
                continue;
            }
            if (!seen.sameAs(pending.get(file))) {
                pending.put(file, seen); // new or still changing: act when it holds still
                continue;
            }
            pending.remove(file);
            Observed before = known.put(file, seen);
            if (before != null) {
                seen.installed.addAll(before.installed);
                uninstallFailed(file, seen);
            }
            deploy(file, seen);
        }
        boolean uninstalled = false;
        for (Path gone : new ArrayList<>(known.keySet())) {
            if (!now.containsKey(gone)) {
                undeploy(gone, known.remove(gone));
                uninstalled = true;
            }
        }
        pending.keySet().retainAll(now.keySet());
        if (uninstalled) {
            for (Map.Entry<Path, Observed> e : new ArrayList<>(known.entrySet())) {
                if (e.getValue().conflict) {
                    deploy(e.getKey(), e.getValue()); // its twin may have gone
                }
            }
        }
    }

    /** @return the files rejected since they last changed, with the reason, by file name */
    public synchronized Map<Path, String> failures() {
        return Collections.unmodifiableMap(new TreeMap<>(failures));
    }

    /** Stops scanning and waits for its thread to end. Bundles stay installed. */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scanner;
            scanner = null;
        }
        if (s != null) {
            s.shutdownNow();
            try {
                Thread t = scanThread;
                if (!s.awaitTermination(30, TimeUnit.SECONDS) || (t != null && !join(t))) {
                    LOG.scanDidNotEnd(directory);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean join(Thread t) throws InterruptedException {
        t.join(30_000);
        return !t.isAlive();
    }

    private void initialScan() {
        Map<Path, Observed> now = list();
        Map<String, BundleInfo> highest = new LinkedHashMap<>();
        for (Map.Entry<Path, Observed> e : now.entrySet()) {
            Path file = e.getKey();
            known.put(file, e.getValue());
            if (manager instanceof StateRestore restore && restore.uninstalledByOperator(file)) {
                continue; // acted on again when it changes
            }
            try {
                BundleInfo info = manager.install(file);
                e.getValue().installed.add(new String[] {info.id(), info.version()});
                e.getValue().conflict = false;
                failures.remove(file);
                highest.merge(info.id(), info, (a, b) ->
                        BundleVersion.parse(a.version()).compareTo(BundleVersion.parse(b.version())) >= 0 ? a : b);
            } catch (Throwable ex) {
                fail(file, e.getValue(), ex);
            }
        }
        Set<String> restored = manager instanceof StateRestore restore ? restore.restoreState() : Set.of();
        for (BundleInfo info : highest.values()) {
            if (restored.contains(info.id())) {
                continue;
            }
            try {
                manager.switchTo(info.id(), info.version());
            } catch (Throwable ex) {
                fail(info.source(), null, ex);
            }
        }
    }

    private void deploy(Path file, Observed seen) {
        try {
            BundleInfo info = manager.deploy(file);
            seen.installed.add(new String[] {info.id(), info.version()});
            seen.conflict = false;
            failures.remove(file);
            LOG.deployed(info.id(), info.version(), file.getFileName());
        } catch (Throwable ex) {
            recordInstalledFrom(file, seen); // e.g. FAILED when its start hook failed: still the file's
            fail(file, seen, ex);
        }
    }

    /** Adds the versions the manager has from {@code file} that {@code seen} does not list yet. */
    private void recordInstalledFrom(Path file, Observed seen) {
        try {
            for (BundleInfo b : manager.bundles()) {
                if (file.equals(b.source()) && seen.installed.stream()
                        .noneMatch(iv -> iv[0].equals(b.id()) && iv[1].equals(b.version()))) {
                    seen.installed.add(new String[] {b.id(), b.version()});
                }
            }
        } catch (RuntimeException ex) {
            LOG.scanFailed(directory, interval.toMillis(), ex);
        }
    }

    /** Before a changed file deploys: its FAILED versions go, so the fixed file may reuse id and version. */
    private void uninstallFailed(Path file, Observed seen) {
        for (String[] idVersion : new ArrayList<>(seen.installed)) {
            Optional<BundleInfo> b = manager.bundle(idVersion[0], idVersion[1]);
            if (b.isEmpty() || b.get().state() == BundleState.FAILED) {
                uninstall(file, idVersion);
                seen.installed.remove(idVersion);
            }
        }
    }

    private void undeploy(Path file, Observed gone) {
        failures.remove(file);
        recordInstalledFrom(file, gone);
        for (String[] idVersion : gone.installed) {
            uninstall(file, idVersion);
        }
    }

    private void uninstall(Path file, String[] idVersion) {
        try {
            if (manager.bundle(idVersion[0], idVersion[1]).isPresent()) {
                manager.uninstall(idVersion[0], idVersion[1]);
                LOG.undeployed(idVersion[0], idVersion[1], file.getFileName());
            }
        } catch (RuntimeException ex) {
            LOG.undeployFailed(idVersion[0], idVersion[1], ex);
        }
    }

    private void fail(Path file, Observed seen, Throwable ex) {
        String reason = ex instanceof RuntimeException && ex.getMessage() != null ? ex.getMessage() : ex.toString();
        boolean conflict = ex instanceof InvalidBundleException && reason.contains("NBF1505");
        if (seen != null) {
            seen.conflict = conflict;
        }
        if (conflict && reason.equals(failures.get(file))) {
            return; // retried after an uninstall and still in conflict: logged already
        }
        failures.put(file, reason);
        LOG.notDeployed(file, reason);
    }

    private Map<Path, Observed> list() {
        Map<Path, Observed> files = new TreeMap<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, DirectoryDeployer::isBundleName)) {
            for (Path jar : jars) {
                try {
                    BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        files.put(jar, new Observed(a));
                    }
                } catch (IOException vanished) {
                    // deleted between listing and reading: the next scan sees it gone
                }
            }
        } catch (IOException e) {
            throw MSG.bundleDirectoryNotListed(directory, e.getMessage(), e);
        }
        return files;
    }

    /** {@code *.jar} in any case, not hidden: the files the deployer acts on. */
    private static boolean isBundleName(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString();
        return !n.startsWith(".") && n.toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    /** The scheduled scan: it must never throw, or the executor would cancel every later scan. */
    private void scanSafely() {
        try {
            scan();
        } catch (Throwable e) {
            LOG.scanFailed(directory, interval.toMillis(), e);
        }
    }
}
