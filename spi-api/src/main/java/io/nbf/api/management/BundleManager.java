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
 * <p>Operations that name a bundle that is not installed throw {@link IllegalArgumentException}
 * naming it; operations whose hook fails throw {@link BundleFailureException} and leave what was
 * live serving.
 */
public interface BundleManager {

    /**
     * Validates the file and loads it as a new module. The bundle serves nothing until started.
     *
     * @param jar the bundle file; the container works on a private copy, so the file may change or go
     *        away afterwards
     * @return the installed version, {@link BundleState#INSTALLED}
     * @throws InvalidBundleException if the file is rejected; nothing changed
     */
    BundleInfo install(Path jar);

    /**
     * Creates the version's service objects and runs its start hook. If no version of its id is live,
     * it becomes live; else it waits, {@link BundleState#ACTIVE}, for {@link #switchTo}.
     *
     * @return the version after the start
     * @throws BundleFailureException if the hook threw or timed out; the version is then {@link BundleState#FAILED}
     */
    BundleInfo start(String bundleId, String version);

    /**
     * Installs, starts and switches to a bundle file in one step: what hot deploy does.
     *
     * @return the version, live
     * @throws InvalidBundleException if the file is rejected
     * @throws BundleFailureException if its start hook failed; the previous live version keeps serving
     */
    BundleInfo deploy(Path jar);

    /**
     * Stops a version: if it is live its id has no live version afterwards; in-flight calls finish,
     * then its stop hook runs and its service objects are released. Stopping a version that is not
     * active does nothing.
     *
     * @return the version after the stop
     */
    BundleInfo stop(String bundleId, String version);

    /**
     * Stops the version if needed, then unloads its module and closes its file. Uninstalling the live
     * version leaves its id without a live version.
     *
     * @return the version, {@link BundleState#UNINSTALLED}
     */
    BundleInfo uninstall(String bundleId, String version);

    /**
     * Makes a version live in one atomic step: the next call goes to it, calls in flight on the
     * previous version finish there. The version is started first if needed. The previous version stays
     * loaded for {@link #rollback}, up to the container's retention count.
     *
     * @return the version, live
     * @throws BundleFailureException if starting or refreshing it failed; what was live keeps serving
     */
    BundleInfo switchTo(String bundleId, String version);

    /**
     * Switches back to the version that was live before the current one, without reading its file
     * again, and runs its refresh hook. Repeated rollbacks go further back.
     *
     * @return the version now live
     * @throws IllegalStateException if the id has no earlier live version still installed
     * @throws BundleFailureException if its refresh hook failed; what was live keeps serving
     */
    BundleInfo rollback(String bundleId);

    /**
     * Runs the refresh hook of the live version of an id.
     *
     * @return the live version
     * @throws IllegalStateException if the id has no live version
     * @throws BundleFailureException if the hook failed (the version keeps serving)
     */
    BundleInfo refresh(String bundleId);

    /** @return every installed version, ordered by id then version; never {@code null} */
    List<BundleInfo> bundles();

    /** @return the version, if installed */
    Optional<BundleInfo> bundle(String bundleId, String version);

    /** @return the live version of an id, if there is one */
    Optional<BundleInfo> liveVersion(String bundleId);

    /** Registers a listener for every later event. */
    void addListener(BundleListener listener);

    /** Removes a listener; does nothing if it was not registered. */
    void removeListener(BundleListener listener);
}
