package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeLogger.LOG;
import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.management.BundleEvent;
import io.nbf.api.management.BundleState;
import io.nbf.api.management.InvalidBundleException;
import io.nbf.modules.descriptor.BundleDescriptor;
import io.nbf.modules.loader.BundleModuleLoader;
import io.nbf.modules.loader.HostExports;
import io.nbf.modules.loader.LoadedModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.modules.ModuleLoadException;

/**
 * Turns a staged bundle file into an installed version (a module of its own, its classes checked by
 * {@link BundleInspector}) and back: uninstall stops the version, unloads its module, deletes its copy
 * and hands its class loader to the {@link LeakTracker}. Called under the id's lock.
 */
final class Installer {

    private final BundleModuleLoader loader = new BundleModuleLoader();
    private final AtomicLong moduleSequence = new AtomicLong();
    private final HostExports exports;
    private final WorkDirectory work;
    private final Lifecycle lifecycle;
    private final Publisher publisher;
    private final LeakTracker leaks;

    Installer(HostExports exports, WorkDirectory work, Lifecycle lifecycle, Publisher publisher, LeakTracker leaks) {
        this.exports = exports;
        this.work = work;
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.leaks = leaks;
    }

    /**
     * Installs a staged file as a new version of the slot's id, INSTALLED, and records INSTALLED. On
     * failure nothing changed and the staged copy is deleted; an {@link Error} other than a
     * {@link VirtualMachineError} becomes an {@link InvalidBundleException} (NBF1509), a VirtualMachineError is rethrown.
     *
     * @throws InvalidBundleException if that version is installed already (NBF1505), the JAR cannot be
     *         loaded as a module (NBF1506) or its classes do not fit (NBF1520–NBF1531)
     */
    InstalledBundle install(BundleSlot slot, WorkDirectory.Staged staged) {
        BundleDescriptor d = staged.scan().descriptor();
        InstalledBundle existing = slot.versions.get(d.version());
        if (existing != null) {
            work.delete(staged.copy());
            throw MSG.alreadyInstalled(staged.source(), d.id(), d.version(), existing.source);
        }
        LoadedModule module;
        try {
            module = loader.define(moduleName(d), staged.copy(), exports, d.jdkModules());
        } catch (IOException | ModuleLoadException | RuntimeException e) {
            work.delete(staged.copy());
            throw MSG.notLoadableAsModule(staged.source(), e, e);
        } catch (Throwable e) {
            work.delete(staged.copy());
            throw WorkDirectory.contained(staged.source(), e);
        }
        try {
            BundleInspector inspected = BundleInspector.inspect(staged.source(), staged.scan(), module.classLoader(), exports);
            InstalledBundle b = new InstalledBundle(d, staged.source(), staged.copy(), module, inspected.services,
                    inspected.activator);
            slot.versions.put(d.version(), b);
            slot.event(BundleEvent.Type.INSTALLED, b, null);
            LOG.installed(d.name(), staged.source());
            return b;
        } catch (Throwable e) {
            try {
                loader.unload(module);
            } finally {
                work.delete(staged.copy());
            }
            throw WorkDirectory.contained(staged.source(), e);
        }
    }

    /** A module name no other version ever had: {@code nbf:id@version#n}. */
    private String moduleName(BundleDescriptor d) {
        return "nbf:" + d.id() + "@" + d.version() + "#" + moduleSequence.incrementAndGet();
    }

    /**
     * Uninstalls a version: stops it if needed, forgets it, unloads its module, deletes its copy, scans for
     * leaks; it ends UNINSTALLED and UNINSTALLED is recorded. Does not throw for a failing stop hook.
     */
    void uninstall(BundleSlot slot, InstalledBundle b) {
        lifecycle.stop(slot, b);
        slot.versions.remove(b.descriptor.version());
        slot.history.remove(b);
        ClassLoader classLoader = b.module.classLoader();
        loader.unload(b.module);
        work.delete(b.staged);
        b.state = BundleState.UNINSTALLED;
        b.failure = null;
        leaks.unloaded(b.name(), classLoader);
        slot.event(BundleEvent.Type.UNINSTALLED, b, null);
    }

    /** Uninstalls every version of the slot's id, the live one withdrawn first. */
    void uninstallAll(BundleSlot slot) {
        if (slot.live != null) {
            publisher.withdraw(slot, slot.live);
        }
        for (InstalledBundle b : new ArrayList<>(slot.versions.values())) {
            uninstall(slot, b);
        }
    }
}
