package io.nbf.api.management;

/**
 * The lifecycle state of one bundle version.
 *
 * <pre>
 * install ─▶ INSTALLED ─start─▶ STARTING ─▶ ACTIVE ─stop─▶ STOPPING ─▶ INSTALLED
 *                                   │                          │
 *                                   └────────▶ FAILED ◀────────┘   (start again, or uninstall)
 * uninstall (from any state) ─▶ UNINSTALLED
 * </pre>
 *
 * Only an {@code ACTIVE} version can be live, i.e. serve calls; at most one version of a bundle id
 * is live at a time.
 */
public enum BundleState {
    /** Validated and loaded; its hook has not run and it serves nothing. */
    INSTALLED,
    /** Its services are being created and its start hook runs. */
    STARTING,
    /** Started: it serves calls when it is the live version of its id, else it waits for a switch. */
    ACTIVE,
    /** It stopped serving; in-flight calls drain, then its stop hook runs. */
    STOPPING,
    /** A hook threw or timed out; {@link BundleInfo#failure()} holds the cause. */
    FAILED,
    /** Gone: its module is unloaded and its file closed. */
    UNINSTALLED
}
