package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.Calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tags of a metadef namespace ({@code /v2/metadefs/namespaces/{namespace}/tags}). Reading follows
 * the namespace's visibility; writing is for administrators under Glance's default policy (403
 * otherwise). Whether {@code Web} conflicts with {@code web} depends on Glance's database: its conflict
 * message says names are case-insensitive (true of MySQL's default collation), while a Glance on SQLite
 * compares them exactly and keeps both.
 */
public final class MetadefTags {
    /** Glance's limit for a metadef tag name (its tag schema: 80 characters). */
    static final int MAX_TAG_LENGTH = 80;

    private final ServiceClient client;

    private MetadefTags(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** The metadef tags API of {@code client}. */
    public static MetadefTags of(ServiceClient client) {
        return new MetadefTags(client);
    }

    /**
     * {@code GET .../tags}: the namespace's tags, newest first (one answer; Glance lists only names).
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such namespace
     */
    public List<MetadefTag> list(String namespace) {
        return Calls.of(client).executeJson(tags(namespace).build(), MetadefJson.list("tags", MetadefTag::decode));
    }

    /**
     * {@code GET .../tags/{name}}.
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such namespace or tag
     */
    public MetadefTag get(String namespace, String name) {
        return Calls.of(client).executeJson(path(namespace, name).build(), MetadefJson.item(MetadefTag::decode));
    }

    /**
     * {@code POST .../tags/{name}} (201): adds one tag.
     *
     * @throws dev.imagesdk.core.error.ConflictException when the namespace has that tag
     */
    public MetadefTag create(String namespace, String name) {
        return Calls.of(client).executeJson(path(namespace, name).method("POST").build(),
                MetadefJson.item(MetadefTag::decode));
    }

    /**
     * {@code POST .../tags} (201): <em>replaces</em> all the namespace's tags with {@code names} (Glance's
     * bulk create deletes the tags it had); returns the tags created.
     *
     * @throws dev.imagesdk.core.error.ConflictException when {@code names} holds a name twice
     */
    public List<MetadefTag> replaceAll(String namespace, List<String> names) {
        return bulk(namespace, names, false);
    }

    /**
     * {@code POST .../tags} with {@code X-Openstack-Append: true} (201): adds {@code names} to the
     * namespace's tags (served by Glance 25 and later); returns the tags created.
     *
     * @throws dev.imagesdk.core.error.ConflictException when one of them exists already
     */
    public List<MetadefTag> addAll(String namespace, List<String> names) {
        return bulk(namespace, names, true);
    }

    private List<MetadefTag> bulk(String namespace, List<String> names, boolean append) {
        ApiRequest.Builder b = tags(namespace).method("POST");
        List<Object> tags = new ArrayList<>();
        for (String n : Arguments.notNull(names, "names")) {
            tags.add(Map.of("name", checkTag(n)));
        }
        if (append) {
            b.header("X-Openstack-Append", "True");
        }
        String json = MetadefJson.write(Map.of("tags", tags));
        return Calls.of(client).executeJson(b.jsonBody(json).build(), MetadefJson.list("tags", MetadefTag::decode));
    }

    /**
     * {@code PUT .../tags/{name}}: renames the tag to {@code newName}.
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such tag
     * @throws dev.imagesdk.core.error.ConflictException when {@code newName} exists already
     */
    public MetadefTag update(String namespace, String name, String newName) {
        ApiRequest.Builder b = path(namespace, name);
        String json = MetadefJson.write(Map.of("name", checkTag(newName)));
        return Calls.of(client).executeJson(b.method("PUT").jsonBody(json).build(), MetadefJson.item(MetadefTag::decode));
    }

    /** {@code DELETE .../tags/{name}} (204). */
    public void delete(String namespace, String name) {
        Calls.of(client).executeNoContent(path(namespace, name).method("DELETE").build());
    }

    /**
     * {@code DELETE .../tags} (204): deletes every tag of the namespace.
     *
     * @throws dev.imagesdk.core.error.ForbiddenException when the namespace is protected
     */
    public void deleteAll(String namespace) {
        Calls.of(client).executeNoContent(tags(namespace).method("DELETE").build());
    }

    private static ApiRequest.Builder tags(String namespace) {
        return ApiRequest.get("metadefs", "namespaces", MetadefNamespaces.name(namespace), "tags");
    }

    private static ApiRequest.Builder path(String namespace, String name) {
        String tag = Arguments.id(checkTag(name), "tag");
        for (int i = 0; i < tag.length(); i++) {
            if (tag.charAt(i) > 0x7e) {
                throw new ValidationException("tag \"" + tag + "\" has non-ASCII characters, which Glance garbles in "
                        + "the tag URL (it decodes the path as Latin-1); create it with addAll(namespace, names)");
            }
        }
        return ApiRequest.get("metadefs", "namespaces", MetadefNamespaces.name(namespace), "tags", tag);
    }

    static String checkTag(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_TAG_LENGTH) {
            throw new ValidationException("a tag must be 1 to " + MAX_TAG_LENGTH + " characters and not blank, was "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        if (name.equals(".") || name.equals("..")) {
            throw new ValidationException("a tag must not be \"" + name + "\": its URL would name another resource, "
                    + "so it could never be read, renamed or deleted");
        }
        return name;
    }
}
