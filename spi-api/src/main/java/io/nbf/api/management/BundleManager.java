package io.nbf.api.management;

import io.nbf.api.BundleFailureException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Manages bundles while the host runs. Thread-safe; operations on different bundle ids run
 * concurrently, operations on one id one after the other.
 *
 * <p>Versions are strings as the descriptor declares them ({@code 1}, {@code 1.2}, {@code 1.2.3},
 * optionally followed by {@code -qualifier}); {@code 1.0} and {@code 1.0.0} name the same version.
 *
 * <p>What the methods throw: {@link InvalidBundleException} for a rejected file and
 * {@link BundleFailureException} for a failed hook (both {@link io.nbf.api.NbfException}s; what was live
 * keeps serving); and, for calls that cannot be right, {@link IllegalArgumentException} when an id or
 * version names nothing installed or a version is malformed, {@link IllegalStateException} when the
 * bundle's state does not allow the operation (no earlier or no live version) or the container is closed,
 * and {@link NullPointerException} for a {@code null} argument. Each message names the bundle, version
 * or file at fault.
 */
public interface BundleManager {

    /**
     * Validates the file and loads it as a new module. The bundle serves nothing until started.
     *
     * @param jar the bundle file; the container works on a private copy, so the file may change or go
     *        away afterwards
     * @return the installed version, {@link BundleState#INSTALLED}
     * @throws InvalidBundleException if the file is rejected; nothing changed
     * @throws IllegalStateException if the container is closed
     */
    BundleInfo install(Path jar);

    /**
     * Creates the version's service objects and runs its start hook. If no version of its id is live,
     * it becomes live; else it waits, {@link BundleState#ACTIVE}, for {@link #switchTo}.
     *
     * @param bundleId the bundle id
     * @param version the version
     * @return the version after the start
     * @throws BundleFailureException if the hook threw or timed out; the version is then {@link BundleState#FAILED}
     * @throws IllegalArgumentException if that version is not installed
     */
    BundleInfo start(String bundleId, String version);

    /**
     * Installs, starts and switches to a bundle file in one step: what hot deploy does.
     *
     * @param jar the bundle file, as for {@link #install}
     * @return the version, live
     * @throws InvalidBundleException if the file is rejected
     * @throws BundleFailureException if its start hook failed; the previous live version keeps serving
     * @throws IllegalStateException if the container is closed
     */
    BundleInfo deploy(Path jar);

    /**
     * Stops a version: if it is live its id has no live version afterwards; in-flight calls finish,
     * then its stop hook runs and its service objects are released. Stopping a version that is not
     * active does nothing.
     *
     * @param bundleId the bundle id
     * @param version the version
     * @return the version after the stop ({@link BundleState#FAILED} if its stop hook failed, which is logged)
     * @throws IllegalArgumentException if that version is not installed
     */
    BundleInfo stop(String bundleId, String version);

    /**
     * Stops the version if needed, then unloads its module and closes its file. Uninstalling the live
     * version leaves its id without a live version.
     *
     * @param bundleId the bundle id
     * @param version the version
     * @return the version, {@link BundleState#UNINSTALLED}
     * @throws IllegalArgumentException if that version is not installed
     */
    BundleInfo uninstall(String bundleId, String version);

    /**
     * Makes a version live in one atomic step: the next call goes to it, calls in flight on the
     * previous version finish there. The version is started first if needed. The previous version stays
     * loaded for {@link #rollback}, up to the container's retention count.
     *
     * @param bundleId the bundle id
     * @param version the version to make live
     * @return the version, live
     * @throws BundleFailureException if starting or refreshing it failed; what was live keeps serving
     * @throws IllegalArgumentException if that version is not installed
     */
    BundleInfo switchTo(String bundleId, String version);

    /**
     * Switches back to the version that was live before the current one, without reading its file
     * again, and runs its refresh hook. Repeated rollbacks go further back.
     *
     * @param bundleId the bundle id
     * @return the version now live
     * @throws IllegalArgumentException if no version of the id is installed
     * @throws IllegalStateException if the id has no earlier live version still installed
     * @throws BundleFailureException if its refresh hook failed; what was live keeps serving
     */
    BundleInfo rollback(String bundleId);

    /**
     * Runs the refresh hook of the live version of an id.
     *
     * @param bundleId the bundle id
     * @return the live version
     * @throws IllegalArgumentException if no version of the id is installed
     * @throws IllegalStateException if the id has no live version
     * @throws BundleFailureException if the hook failed (the version keeps serving)
     */
    BundleInfo refresh(String bundleId);

    /** @return every installed version, ordered by id then version; never {@code null} */
    List<BundleInfo> bundles();

    /**
     * @param bundleId the bundle id
     * @param version the version
     * @return the version, if installed
     * @throws IllegalArgumentException if {@code version} is not a version
     */
    Optional<BundleInfo> bundle(String bundleId, String version);

    /**
     * @param bundleId the bundle id
     * @return the live version of an id, if there is one
     */
    Optional<BundleInfo> liveVersion(String bundleId);

    /**
     * The uninstalled versions whose class loader was not collected yet. Right after an uninstall a version
     * is usually listed until the next full collection; after full collections, a name that stays is a leak
     * (a thread the bundle did not stop, a reference the host keeps).
     *
     * @return the versions, as {@code id:version}, sorted; never {@code null}
     */
    List<String> unreclaimed();

    /**
     * Registers a listener for every later event.
     *
     * @param listener the listener, not {@code null}
     */
    void addListener(BundleListener listener);

    /**
     * Removes a listener; does nothing if it was not registered.
     *
     * @param listener the listener
     */
    void removeListener(BundleListener listener);
}
