package dev.imagesdk.links.access;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which cloud project stands for an organization or a space: the project Glance shares an image with when a link
 * makes it available there ({@code ImageLinks.inGlance(client, caller, projects)}). An organization is a project; a
 * space is a project of its own (in Keystone, a child project of its organization's). Glance shares per project,
 * so a space link shares with the space's project only, and an organization link with the organization's project
 * only (never with its spaces' projects).
 *
 * <p>Implement it to look projects up (for example in Keystone), or build a fixed table with {@link #builder()} or
 * {@link #of(Map)}. An empty answer means "no project known": the SDK then shares with nobody for that scope and
 * reports the scope as unresolved. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ScopeProjects {
    /**
     * The project of organization {@code orgSlug} ({@code spaceSlug} {@code null}) or of space {@code spaceSlug}
     * of that organization; empty when none is known.
     *
     * @param orgSlug the organization, never {@code null}
     * @param spaceSlug the space, or {@code null} for the organization itself
     */
    Optional<String> projectOf(String orgSlug, String spaceSlug);

    /** A table that knows no project: nothing is shared with organizations or spaces (global links still apply). */
    static ScopeProjects none() {
        return new Builder().build();
    }

    /**
     * A fixed table from a map whose keys are {@code "<org>"} (an organization) or {@code "<org>/<space>"} (a
     * space) and whose values are project ids, for example {@code {"acme": "8c1f…", "acme/ml-lab": "41d2…"}}.
     *
     * @throws ValidationException when the map, a key or a value is {@code null} or blank, or a key has more than
     *         one {@code /}
     */
    static ScopeProjects of(Map<String, String> projectsByScope) {
        if (projectsByScope == null) {
            throw new ValidationException("projects by scope must not be null");
        }
        Builder b = new Builder();
        for (Map.Entry<String, String> e : projectsByScope.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isBlank()) {
                throw new ValidationException("a scope key must not be blank: use \"<org>\" or \"<org>/<space>\"");
            }
            String[] parts = key.split("/", -1);
            if (parts.length == 1) {
                b.organization(parts[0], e.getValue());
            } else if (parts.length == 2) {
                b.space(parts[0], parts[1], e.getValue());
            } else {
                throw new ValidationException("scope key \"" + key + "\" is neither \"<org>\" nor \"<org>/<space>\"");
            }
        }
        return b.build();
    }

    /** A builder for a fixed table. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a fixed, immutable {@link ScopeProjects} table. */
    final class Builder {
        private final Map<String, String> table = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Organization {@code orgSlug} is project {@code projectId}.
         *
         * @throws ValidationException when an argument is {@code null}, blank, {@code .}, {@code ..} or holds a control character
         */
        public Builder organization(String orgSlug, String projectId) {
            table.put(text("organization slug", orgSlug), text("project id", projectId));
            return this;
        }

        /**
         * Space {@code spaceSlug} of organization {@code orgSlug} is project {@code projectId}.
         *
         * @throws ValidationException when an argument is {@code null}, blank, {@code .}, {@code ..} or holds a control character
         */
        public Builder space(String orgSlug, String spaceSlug, String projectId) {
            table.put(text("organization slug", orgSlug) + "/" + text("space slug", spaceSlug), text("project id", projectId));
            return this;
        }

        /** The immutable table. */
        public ScopeProjects build() {
            Map<String, String> copy = Map.copyOf(table);
            return new ScopeProjects() {
                @Override
                public Optional<String> projectOf(String orgSlug, String spaceSlug) {
                    text("organization slug", orgSlug);
                    return Optional.ofNullable(copy.get(spaceSlug == null ? orgSlug : orgSlug + "/" + spaceSlug));
                }

                @Override
                public String toString() {
                    return "ScopeProjects" + new java.util.TreeMap<>(copy);
                }
            };
        }

        /** Non-blank, not {@code .} or {@code ..}, no control character (a project id goes into a URL path). */
        private static String text(String what, String value) {
            return Arguments.id(value == null ? null : value.strip(), what);
        }
    }
}
