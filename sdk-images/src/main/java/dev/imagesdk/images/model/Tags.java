package dev.imagesdk.images.model;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provenance tags: where an image came from and who it belongs to, carried as plain Glance tags of
 * the form {@code <prefix>key=value} (default prefix {@code imagesdk.provenance/}). Glance tags are
 * free-form strings of at most 255 characters, filterable with {@code ListOpts.tag(...)}, so the
 * tags can be searched on any server.
 *
 * <pre>{@code
 * List<String> tags = Tags.provenance("web-download", Map.of("organization", "acme"));
 * // [imagesdk.provenance/source=web-download, imagesdk.provenance/organization=acme]
 * }</pre>
 */
public final class Tags {
    /** Default prefix of provenance tags. */
    public static final String PREFIX = "imagesdk.provenance/";
    /** Key of the source tag. */
    public static final String SOURCE = "source";

    private Tags() {
    }

    /**
     * Provenance tags for an image: {@code source=<source>} followed by every {@code extra} entry, in
     * order, all under {@link #PREFIX}.
     *
     * @param source where the image came from (e.g. {@code web-download}, {@code upload}, a URL host)
     * @param extra further facts (organization, project, importer); may be empty
     * @throws ValidationException for blank keys or values, keys containing {@code =}, or a tag longer than 255 characters
     */
    public static List<String> provenance(String source, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(SOURCE, source);
        if (extra != null) {
            extra.forEach((k, v) -> {
                if (SOURCE.equals(k)) {
                    throw new ValidationException("\"source\" is set by the first argument");
                }
                all.put(k, v);
            });
        }
        List<String> tags = new ArrayList<>();
        all.forEach((k, v) -> tags.add(tag(k, v)));
        return tags;
    }

    /** One provenance tag {@code <prefix>key=value}. */
    public static String tag(String key, String value) {
        if (key == null || key.isBlank() || key.contains("=")) {
            throw new ValidationException("provenance key must be non-blank and contain no '=', was \"" + key + "\"");
        }
        if (value == null || value.isBlank()) {
            throw new ValidationException("provenance value for \"" + key + "\" must not be blank");
        }
        return Arguments.tag(PREFIX + key + "=" + value);
    }

    /** Reads the provenance facts back from an image's tags (other tags are ignored). */
    public static Map<String, String> provenanceOf(List<String> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : Arguments.notNull(tags, "tags")) {
            if (t != null && t.startsWith(PREFIX)) {
                String rest = t.substring(PREFIX.length());
                int eq = rest.indexOf('=');
                if (eq > 0) {
                    out.put(rest.substring(0, eq), rest.substring(eq + 1));
                }
            }
        }
        return out;
    }

    /** Reads the provenance facts from an image. */
    public static Map<String, String> provenanceOf(Image image) {
        return provenanceOf(image.tags());
    }
}
