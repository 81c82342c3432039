package io.nbf.modules;

import static io.nbf.modules.messages.StateMessages.STATE;

import io.nbf.modules.descriptor.BundleVersion;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operator's decisions kept across restarts, in the state directory: the file {@link StateFile#NAME}
 * and, under {@code retained/<id>/<version>.jar}, a copy of each retained (formerly live) version so that a
 * rollback works after a restart. With no state directory it records nothing. Its methods are called under
 * the id's lock; they are synchronized because the file holds every id. Never throws: a write that fails is
 * logged (NBF1451).
 */
final class DeploymentState {

    private final Path directory; // null: no persistence
    private final Path file;
    private final Map<String, StateFile.Entry> loaded; // as read at start; applied by restore
    private final Map<String, StateFile.Entry> current = new TreeMap<>();
    private final String problem;
    private boolean writing; // false until restored or the first decision: the start's installs must not overwrite it

    DeploymentState(Path directory) {
        this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
        this.file = this.directory == null ? null : this.directory.resolve(StateFile.NAME);
        Map<String, StateFile.Entry> read = new TreeMap<>();
        String failure = null;
        if (file != null) {
            try {
                read = StateFile.read(file);
            } catch (IOException | RuntimeException e) {
                failure = "NBF1450: " + file + ": " + e;
                STATE.stateUnreadable(file, e.toString(), e);
                read = new TreeMap<>();
            }
        }
        this.loaded = read;
        this.problem = failure;
        loaded.forEach((id, e) -> current.put(id, e.copy()));
    }

    boolean enabled() {
        return directory != null;
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    synchronized Optional<StateFile.Entry> loaded(String id) {
        StateFile.Entry e = loaded.get(id);
        return e == null ? Optional.empty() : Optional.of(e.copy());
    }

    synchronized Set<String> loadedIds() {
        return new HashSet<>(loaded.keySet());
    }

    /** @return the retained copy of a version, if the state directory has one */
    Optional<Path> retainedCopy(String id, String version) {
        if (directory == null) {
            return Optional.empty();
        }
        Path copy = retainedDir(id).resolve(version + ".jar");
        return Files.isRegularFile(copy) ? Optional.of(copy) : Optional.empty();
    }

    /** @return whether {@code jar}, unchanged since, is the file of a version the operator uninstalled */
    synchronized boolean uninstalledFile(Path jar) {
        if (directory == null) {
            return false;
        }
        Path source = jar.toAbsolutePath().normalize();
        for (StateFile.Entry e : current.values()) {
            for (StateFile.Uninstalled u : e.uninstalled.values()) {
                if (u.source().equals(source) && same(u, source)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A version installed again, or anything installed from the file of an uninstalled one, is a new decision. */
    synchronized void installed(String id, String version, Path source) {
        entry(id).uninstalled.remove(version);
        if (source != null) {
            Path s = source.toAbsolutePath().normalize();
            for (StateFile.Entry e : current.values()) {
                e.uninstalled.values().removeIf(u -> u.source().equals(s));
            }
        }
    }

    synchronized void started(String id, String version) {
        entry(id).stopped.remove(version);
        writing = true;
    }

    synchronized void stopped(String id, String version) {
        entry(id).stopped.add(version);
        writing = true;
    }

    synchronized void uninstalled(String id, String version, Path source) {
        StateFile.Entry e = entry(id);
        e.stopped.remove(version);
        if (source != null) {
            Path s = source.toAbsolutePath().normalize();
            try {
                BasicFileAttributes a = Files.readAttributes(s, BasicFileAttributes.class);
                e.uninstalled.put(version, new StateFile.Uninstalled(a.size(), a.lastModifiedTime().toMillis(), s));
            } catch (IOException gone) {
                // its file is gone: nothing would install it again
            }
        }
        writing = true;
    }

    /** Starts writing after the state was applied; drops the uninstall records whose file is gone or changed. */
    synchronized void restored() {
        for (StateFile.Entry e : current.values()) {
            e.uninstalled.values().removeIf(u -> !same(u, u.source()));
        }
        writing = true;
        if (directory != null) {
            STATE.restored(loaded.size(), file);
        }
    }

    /** Records the id's live version, history and versions as the slot has them, copies retained JARs, writes. */
    synchronized void record(BundleSlot slot) {
        if (directory == null) {
            return;
        }
        StateFile.Entry e = entry(slot.id);
        InstalledBundle live = slot.live;
        e.live = live == null ? null : live.descriptor.version().toString();
        e.history.clear();
        Set<String> retained = new HashSet<>();
        for (InstalledBundle b : slot.history) {
            if (b != live && slot.versions.get(b.descriptor.version()) == b) {
                String v = b.descriptor.version().toString();
                e.history.add(v);
                retained.add(v + ".jar");
                copyRetained(slot.id, v, b.staged);
            }
        }
        e.known.clear();
        for (BundleVersion v : slot.versions.keySet()) {
            e.known.add(v.toString());
        }
        e.known.addAll(e.uninstalled.keySet());
        e.stopped.retainAll(e.known);
        deleteRetainedBut(slot.id, retained);
        if (e.isEmpty() && slot.versions.isEmpty()) {
            current.remove(slot.id);
        }
        write();
    }

    private StateFile.Entry entry(String id) {
        return current.computeIfAbsent(id, i -> new StateFile.Entry());
    }

    private void write() {
        if (!writing || directory == null) {
            return;
        }
        try {
            StateFile.write(file, current);
        } catch (IOException | RuntimeException e) {
            STATE.stateNotWritten(file, e.toString(), e);
        }
    }

    private Path retainedDir(String id) {
        return directory.resolve("retained").resolve(id);
    }

    private void copyRetained(String id, String version, Path staged) {
        if (!writing) {
            return;
        }
        Path copy = retainedDir(id).resolve(version + ".jar");
        if (Files.exists(copy) || staged == null || !Files.isRegularFile(staged)) {
            return;
        }
        try {
            Files.createDirectories(copy.getParent());
            Path tmp = Files.createTempFile(copy.getParent(), ".retained-", ".tmp");
            try {
                Files.copy(staged, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            STATE.stateNotWritten(copy, e.toString(), e);
        }
    }

    private void deleteRetainedBut(String id, Set<String> keep) {
        if (!writing) {
            return;
        }
        Path dir = retainedDir(id);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path c : copies) {
                if (!keep.contains(c.getFileName().toString())) {
                    Files.deleteIfExists(c);
                }
            }
        } catch (IOException e) {
            STATE.stateNotWritten(dir, e.toString(), e);
        }
    }

    private static boolean same(StateFile.Uninstalled u, Path source) {
        try {
            BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
            return a.size() == u.size() && a.lastModifiedTime().toMillis() == u.modified();
        } catch (IOException e) {
            return false;
        }
    }
}
