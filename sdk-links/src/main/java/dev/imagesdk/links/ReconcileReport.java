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
 */
public record ReconcileReport(int imagesChecked, List<AvailabilityChange> changes, List<String> unresolved) {
    /** Copies the lists. */
    public ReconcileReport {
        changes = List.copyOf(changes);
        unresolved = List.copyOf(unresolved);
    }

    /** {@code true} when nothing was changed. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
