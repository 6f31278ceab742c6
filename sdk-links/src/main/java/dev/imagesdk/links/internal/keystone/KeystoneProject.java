package dev.imagesdk.links.internal.keystone;

import java.util.List;

/**
 * A project as {@code GET /v3/auth/projects} lists it: one the user has an effective role assignment on (direct,
 * through a group, or inherited), enabled or not.
 *
 * @param id the project id
 * @param name its name
 * @param enabled whether Keystone lets anyone scope to it
 * @param parentId its parent project, or its domain for a top-level project ({@code null} when not sent)
 * @param domainId its domain ({@code null} when not sent)
 * @param tags its tags
 */
public record KeystoneProject(String id, String name, boolean enabled, String parentId, String domainId, List<String> tags) {
    /** Copies the tags. */
    public KeystoneProject {
        tags = List.copyOf(tags);
    }

    /** {@code true} when the project has a parent project (not only its domain). */
    public boolean hasParentProject() {
        return parentId != null && !parentId.isEmpty() && !parentId.equals(domainId);
    }
}
