package dev.imagesdk.links.internal.keystone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The naming convention of organizations and spaces in Keystone (sdk-links README, "Roles from Keystone"): an
 * organization is a project tagged {@code imagesdk-org:<org>}; a space is a child project (its {@code parent_id} a
 * project) tagged {@code imagesdk-space:<org>:<space>}, so a user with a role only on the space learns its
 * organization's slug without reading the organization's project. A project with an effective assignment grants an
 * active role when it is enabled (Keystone refuses an enabled project below a disabled one, so a space of a disabled
 * organization is disabled too), an inactive one otherwise. Whatever cannot be read safely grants nothing.
 */
public final class OrgConvention {
    /** The tag prefix of an organization's project. */
    public static final String ORG_TAG = "imagesdk-org:";
    /** The tag prefix of a space's project. */
    public static final String SPACE_TAG = "imagesdk-space:";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    /** What one project grants: an organization role ({@code spaceSlug == null}) or a space role. */
    public record Grant(String orgSlug, String spaceSlug, String projectId, boolean active) {
    }

    /** The result: the grants, and the projects skipped with the reason (for logging). */
    public record Result(List<Grant> grants, List<String> skipped) {
    }

    private OrgConvention() {
    }

    /** The grants of {@code projects} (the user's projects from {@code /v3/auth/projects}). */
    public static Result grants(List<KeystoneProject> projects) {
        List<Grant> grants = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> orgProjects = new HashMap<>();      // org slug -> project id, for the parent check
        List<KeystoneProject> spaces = new ArrayList<>();
        for (KeystoneProject p : projects) {
            List<String> orgTags = new ArrayList<>();
            List<String> spaceTags = new ArrayList<>();
            for (String t : p.tags()) {
                if (t.startsWith(ORG_TAG)) {
                    orgTags.add(t.substring(ORG_TAG.length()));
                } else if (t.startsWith(SPACE_TAG)) {
                    spaceTags.add(t.substring(SPACE_TAG.length()));
                }
            }
            if (orgTags.isEmpty() && spaceTags.isEmpty()) {
                continue;                                          // not an organization or space
            }
            if (orgTags.size() + spaceTags.size() > 1) {
                skipped.add(p.id() + ": more than one organization/space tag " + p.tags());
                continue;
            }
            if (!orgTags.isEmpty()) {
                String org = orgTags.get(0);
                if (!SLUG.matcher(org).matches()) {
                    skipped.add(p.id() + ": organization slug \"" + org + "\" is not a slug");
                } else if (orgProjects.putIfAbsent(org, p.id()) != null) {
                    skipped.add(p.id() + ": organization " + org + " is also project " + orgProjects.get(org));
                } else {
                    grants.add(new Grant(org, null, p.id(), p.enabled()));
                }
            } else {
                spaces.add(p);
            }
        }
        for (KeystoneProject p : spaces) {
            String value = p.tags().stream().filter(t -> t.startsWith(SPACE_TAG)).findFirst().orElseThrow()
                    .substring(SPACE_TAG.length());
            int colon = value.indexOf(':');
            String org = colon < 0 ? "" : value.substring(0, colon);
            String space = colon < 0 ? "" : value.substring(colon + 1);
            if (!SLUG.matcher(org).matches() || !SLUG.matcher(space).matches()) {
                skipped.add(p.id() + ": space tag \"" + SPACE_TAG + value + "\" is not <org>:<space>");
            } else if (!p.hasParentProject()) {
                skipped.add(p.id() + ": space " + org + "/" + space + " is not a child project");
            } else if (orgProjects.containsKey(org) && !orgProjects.get(org).equals(p.parentId())) {
                skipped.add(p.id() + ": space " + org + "/" + space + " is not a child of organization " + org
                        + "'s project " + orgProjects.get(org));
            } else {
                grants.add(new Grant(org, space, p.id(), p.enabled()));
            }
        }
        return new Result(List.copyOf(grants), List.copyOf(skipped));
    }
}
