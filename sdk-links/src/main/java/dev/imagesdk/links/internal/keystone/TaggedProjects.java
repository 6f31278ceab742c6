package dev.imagesdk.links.internal.keystone;

import dev.imagesdk.core.auth.KeystoneAuth;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.internal.JsonTrees;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.Calls;
import okhttp3.HttpUrl;

import java.util.List;

/**
 * {@code GET {identity}/projects?tags=<tag>}: the projects carrying one tag, in every domain the token may list.
 * Keystone's default policy ({@code identity:list_projects}) allows it to an administrator (role {@code admin}), a
 * system-scoped reader and a domain-scoped reader (that domain's projects); a token scoped to a project with the
 * {@code member} or {@code reader} role gets 403. Sent through the client's transport (authentication with renewal
 * after a 401, retry, error mapping, logging), to the identity endpoint the {@link KeystoneAuth} authenticates against.
 */
public final class TaggedProjects {
    /** What a 403 from this request means, appended to Keystone's own message. */
    public static final String FORBIDDEN_EXPLAINED = "looking up organization and space projects by tag needs a token "
            + "allowed identity:list_projects (Keystone's default policy: an administrator, a system-scoped reader, or "
            + "a reader scoped to the projects' domain); a token scoped to a project as member or reader is refused";

    private TaggedProjects() {
    }

    /**
     * The projects tagged {@code tag} (Keystone matches the whole tag).
     *
     * @throws ForbiddenException (403) when the token may not list projects, with {@link #FORBIDDEN_EXPLAINED}
     * @throws dev.imagesdk.core.error.ServiceResponseException (a subtype per status) for another error status
     * @throws dev.imagesdk.core.error.ResponseFormatException when the answer is not a project list
     */
    public static List<KeystoneProject> read(Calls calls, KeystoneAuth auth, String tag) {
        HttpUrl url = HttpUrl.get(auth.identityUrl()).newBuilder().addPathSegment("projects")
                .addQueryParameter("tags", tag).build();
        ApiRequest request = ApiRequest.toUrl("GET", url).build();
        try {
            return calls.transport().sendAndRead(request, url, auth, calls.requestId(),
                    response -> response.readJson((reader, r) -> AuthProjects.parse(JsonTrees.read(reader))));
        } catch (ForbiddenException e) {
            String server = e.serverMessage().orElse("");
            throw new ForbiddenException((server.isBlank() ? "" : server + " — ") + FORBIDDEN_EXPLAINED,
                    e.method().orElse("GET"), e.url().orElse(url.toString()), e.requestId().orElse(null), e.headers(), e);
        }
    }
}
