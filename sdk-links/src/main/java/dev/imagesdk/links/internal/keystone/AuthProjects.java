package dev.imagesdk.links.internal.keystone;

import dev.imagesdk.core.auth.KeystoneAuth;
import dev.imagesdk.core.internal.JsonTrees;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.Calls;
import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET {identity}/auth/projects} with the user's own token: the projects the user has an effective role
 * assignment on (Keystone's policy {@code identity:get_auth_projects} allows any token; disabled projects are listed
 * with {@code enabled: false}). Sent through the client's transport (authentication with renewal after a 401, retry,
 * error mapping, logging), to the identity endpoint the {@link KeystoneAuth} authenticates against.
 */
public final class AuthProjects {
    private AuthProjects() {
    }

    /**
     * The user's projects.
     *
     * @throws dev.imagesdk.core.error.ServiceResponseException (a subtype per status) for an error status
     * @throws dev.imagesdk.core.error.ResponseFormatException when the answer is not a project list
     */
    public static List<KeystoneProject> read(Calls calls, KeystoneAuth auth) {
        HttpUrl url = HttpUrl.get(auth.identityUrl()).newBuilder().addPathSegment("auth").addPathSegment("projects").build();
        ApiRequest request = ApiRequest.toUrl("GET", url).build();
        return calls.transport().sendAndRead(request, url, auth, calls.requestId(),
                response -> response.readJson((reader, r) -> parse(JsonTrees.read(reader))));
    }

    /** The projects of a {@code /v3/auth/projects} document; {@link IllegalArgumentException} when it is not one. */
    static List<KeystoneProject> parse(Object document) {
        if (!(document instanceof Map<?, ?> root) || !(root.get("projects") instanceof List<?> items)) {
            throw new IllegalArgumentException("not a Keystone project list (no \"projects\" array)");
        }
        List<KeystoneProject> projects = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> p) || !(p.get("id") instanceof String id) || id.isEmpty()) {
                throw new IllegalArgumentException("a project without an id: " + item);
            }
            List<String> tags = new ArrayList<>();
            if (p.get("tags") instanceof List<?> ts) {
                for (Object t : ts) {
                    if (t instanceof String s) {
                        tags.add(s);
                    }
                }
            }
            // "enabled" missing or not true: treated as disabled (grants nothing)
            projects.add(new KeystoneProject(id, p.get("name") instanceof String n ? n : null,
                    Boolean.TRUE.equals(p.get("enabled")), p.get("parent_id") instanceof String pa ? pa : null,
                    p.get("domain_id") instanceof String d ? d : null, tags));
        }
        return projects;
    }
}
