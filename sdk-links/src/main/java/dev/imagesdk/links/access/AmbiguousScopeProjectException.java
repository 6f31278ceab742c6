package dev.imagesdk.links.access;

import dev.imagesdk.core.error.ImageServiceException;

import java.util.List;

/**
 * {@link KeystoneScopeProjects} found more than one Keystone project carrying the tag of one organization or space
 * (for example {@code imagesdk-org:acme} on two projects): the SDK does not guess which one to share images with.
 * Remove the tag from all but one of the {@link #projectIds()}.
 */
public class AmbiguousScopeProjectException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final String tag;
    private final List<String> projectIds;

    /**
     * @param tag the tag that was looked up, for example {@code imagesdk-space:acme:ml-lab}
     * @param projectIds the projects carrying it (at least two)
     */
    public AmbiguousScopeProjectException(String tag, List<String> projectIds) {
        this(projectIds == null ? List.of() : projectIds.stream().filter(java.util.Objects::nonNull).toList(), tag);
    }

    private AmbiguousScopeProjectException(List<String> ids, String tag) {
        super(ids.size() + " Keystone projects are tagged \"" + tag + "\": " + String.join(", ", ids)
                + "; exactly one project may stand for an organization or a space");
        this.tag = tag;
        this.projectIds = ids;
    }

    /** The tag carried by several projects. */
    public String tag() {
        return tag;
    }

    /** The ids of the projects carrying the tag, in the order Keystone listed them. */
    public List<String> projectIds() {
        return projectIds;
    }
}
