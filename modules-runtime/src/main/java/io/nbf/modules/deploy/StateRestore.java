package io.nbf.modules.deploy;

import java.nio.file.Path;
import java.util.Set;

/**
 * What a container that keeps the operator's decisions across restarts (the engine, with a state
 * directory) offers the {@link DirectoryDeployer} at its start: the files not to install again, and the
 * restore of the recorded state once the directory is installed.
 */
public interface StateRestore {

    /** @return whether {@code jar}, unchanged since, holds a version the operator uninstalled */
    boolean uninstalledByOperator(Path jar);

    /**
     * Applies the recorded state to what is installed: retained versions, history, live version, stopped
     * versions. Never throws: a version it cannot restore is logged.
     *
     * @return the bundle ids whose live version it decided; the others go by the directory's highest version
     */
    Set<String> restoreState();
}
