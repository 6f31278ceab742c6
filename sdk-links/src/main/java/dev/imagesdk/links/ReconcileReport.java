package dev.imagesdk.links;

import java.util.List;

/**
 * What {@link ImageLinks#reconcile(String)} or {@link ImageLinks#reconcile()} changed so that each image is usable by
 * exactly the projects its links apply to. A second run right after the first changes nothing: {@link #isEmpty()}.
 * Immutable.
 *
 * @param imagesChecked how many images were checked
 * @param changes one entry per image whose visibility or members changed, in the order checked
 * @param unresolved the scopes of links for which no project is known ({@code "<image id>: space acme/ml-lab"}): their
 *        images are shared with nobody for that scope; listed on every run until a project is known, not a change
 * @param locksRemoved the ids of link-write lock images that writers left behind (a writer that died while holding
 *        the lock of an image), deleted by a reconcile of every image; always empty for one image
 */
public record ReconcileReport(int imagesChecked, List<AvailabilityChange> changes, List<String> unresolved,
        List<String> locksRemoved) {
    /** Copies the lists ({@code null}: empty). */
    public ReconcileReport {
        changes = changes == null ? List.of() : List.copyOf(changes);
        unresolved = unresolved == null ? List.of() : List.copyOf(unresolved);
        locksRemoved = locksRemoved == null ? List.of() : List.copyOf(locksRemoved);
    }

    /** {@code true} when nothing was changed (no availability, no lock left behind). */
    public boolean isEmpty() {
        return changes.isEmpty() && locksRemoved.isEmpty();
    }
}
