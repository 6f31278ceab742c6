package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The new fields of a namespace for {@link MetadefNamespaces#update(String, NamespaceUpdateOpts)}.
 * Glance <em>replaces</em> the namespace's fields ({@code PUT}): a field not set here is reset (the
 * display name and description removed, visibility {@code private}, not protected). The contents
 * (properties, objects, tags, associations) stay.
 */
public final class NamespaceUpdateOpts {
    private final Map<String, Object> body;

    private NamespaceUpdateOpts(Map<String, Object> body) {
        this.body = body;
    }

    /** A builder whose namespace keeps (or, when different from the current one, takes) the name {@code namespace}. */
    public static Builder builder(String namespace) {
        return new Builder(namespace);
    }

    Map<String, Object> body() {
        return body;
    }

    static String checkName(String namespace) {
        Arguments.id(namespace, "namespace");
        return checkLength(namespace, "namespace", 80);
    }

    static String checkLength(String value, String what, int max) {
        Arguments.notNull(value, what);
        if (value.length() > max) {
            throw new ValidationException(what + " must be at most " + max + " characters (Glance's limit)");
        }
        return value;
    }

    /** Builds {@link NamespaceUpdateOpts}. */
    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();

        private Builder(String namespace) {
            body.put("namespace", checkName(namespace));
        }

        /** The name dashboards show (at most 80 characters). */
        public Builder displayName(String displayName) {
            body.put("display_name", checkLength(displayName, "display name", 80));
            return this;
        }

        /** Description (at most 500 characters). */
        public Builder description(String description) {
            body.put("description", checkLength(description, "description", 500));
            return this;
        }

        /** Who can see it. */
        public Builder visibility(MetadefVisibility visibility) {
            body.put("visibility", Arguments.notNull(visibility, "visibility").value());
            return this;
        }

        /** Whether it is protected from deletion. */
        public Builder isProtected(boolean isProtected) {
            body.put("protected", isProtected);
            return this;
        }

        /** The options. */
        public NamespaceUpdateOpts build() {
            return new NamespaceUpdateOpts(new LinkedHashMap<>(body));
        }
    }
}
