package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeLogger.LOG;
import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.BundleFailureException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The version history of an id: which version is live, switching to another, rolling back to the one
 * live before (without reading its file again), and the retention of formerly live versions (beyond
 * the configured count, the least recently live are uninstalled). Called under the id's lock.
 *
 * <p>{@link BundleSlot#history} holds the formerly live versions, most recent first. A switch pushes the
 * version it replaces; a rollback pops up to its target and pushes nothing, so a second rollback goes
 * further back.
 */
final class VersionHistory {

    private final Lifecycle lifecycle;
    private final Publisher publisher;
    private final Installer installer;
    private final int retainedVersions;

    VersionHistory(Lifecycle lifecycle, Publisher publisher, Installer installer, int retainedVersions) {
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.installer = installer;
        this.retainedVersions = retainedVersions;
    }

    /**
     * Makes an ACTIVE version live; runs its refresh hook first if it served before.
     *
     * @throws BundleFailureException if the refresh hook failed; nothing changed
     */
    void goLive(BundleSlot slot, InstalledBundle b) {
        if (b.everLive) {
            lifecycle.refresh(b);
        }
        publisher.goLive(slot, b);
    }

    /**
     * Makes a version live, starting it first if needed; the version it replaces goes on the history.
     *
     * @throws BundleFailureException if its start or refresh hook failed; what was live keeps serving
     */
    void switchTo(BundleSlot slot, InstalledBundle b) {
        if (slot.live == b) {
            return;
        }
        lifecycle.start(slot, b);
        InstalledBundle previous = slot.live;
        goLive(slot, b);
        slot.history.remove(b);
        if (previous != null) {
            slot.history.remove(previous);
            slot.history.push(previous);
        }
        retain(slot);
    }

    /**
     * Switches back to the most recent formerly live version still installed.
     *
     * @return the version now live
     * @throws IllegalStateException (NBF1552) if there is none
     * @throws BundleFailureException if its start or refresh hook failed; what was live keeps serving
     */
    InstalledBundle rollback(BundleSlot slot) {
        InstalledBundle target = null;
        for (InstalledBundle candidate : slot.history) {
            if (candidate != slot.live && slot.versions.get(candidate.descriptor.version()) == candidate) {
                target = candidate;
                break;
            }
        }
        if (target == null) {
            throw MSG.noEarlierLiveVersion(slot.id, slot.versions.keySet());
        }
        lifecycle.start(slot, target);
        goLive(slot, target); // throws, changing nothing, if its refresh hook fails
        // Rolled back from: not pushed, so a second rollback goes further back.
        while (slot.history.peek() != target) {
            slot.history.pop();
        }
        slot.history.pop();
        retain(slot);
        return target;
    }

    /**
     * Runs the refresh hook of the live version.
     *
     * @return the live version
     * @throws IllegalStateException (NBF1553) if the id has no live version
     * @throws BundleFailureException if the hook failed; the version keeps serving
     */
    InstalledBundle refreshLive(BundleSlot slot) {
        InstalledBundle live = slot.live;
        if (live == null) {
            throw MSG.noLiveVersion(slot.id, slot.versions.keySet());
        }
        lifecycle.refresh(live);
        return live;
    }

    /** Uninstalls the formerly live versions beyond the retention count, least recently live first. */
    private void retain(BundleSlot slot) {
        List<InstalledBundle> former = new ArrayList<>();
        for (InstalledBundle b : slot.versions.values()) {
            if (b.everLive && b != slot.live) {
                former.add(b);
            }
        }
        former.sort(Comparator.comparingLong((InstalledBundle b) -> b.lastLive).reversed());
        for (InstalledBundle b : former.subList(Math.min(retainedVersions, former.size()), former.size())) {
            LOG.retiring(b.name(), retainedVersions, slot.id);
            installer.uninstall(slot, b);
        }
    }
}
