package dev.imagesdk.core.internal.auth.keystone;

import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.error.ValidationException;
import okhttp3.HttpUrl;
import okio.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who authenticates with Keystone and for which scope: the identity method (password, application
 * credential, existing token) with its secret, the scope, and the body of the token request built
 * from them. Validated once; immutable. The secret never appears in {@link #describe()}.
 */
public final class KeystoneIdentity {
    /** The identity method sent to Keystone. */
    public enum Method {
        /** A user's password. */
        PASSWORD("password"),
        /** An application credential's secret. */
        APPLICATION_CREDENTIAL("application_credential"),
        /** An existing token. */
        TOKEN("token");

        final String wire;

        Method(String wire) {
            this.wire = wire;
        }

        /** The name Keystone uses. */
        public String wire() {
            return wire;
        }
    }

    /** The settings as a builder collects them; checked by {@link KeystoneIdentity#of(HttpUrl, Fields)}. */
    public static final class Fields {
        /** Settings, {@code null} when not given. */
        public String userId, username, userDomainId, userDomainName, password, applicationCredentialId,
                applicationCredentialName, applicationCredentialSecret, token, projectId, projectName,
                projectDomainId, projectDomainName, domainId, domainName;
        /** Whether an unscoped token was asked for. */
        public boolean unscoped;
    }

    private final HttpUrl identityUrl;
    private final Method method;
    private final String userId;
    private final String username;
    private final String userDomainId;
    private final String userDomainName;
    private final String secret;
    private final String applicationCredentialId;
    private final String applicationCredentialName;
    private final String projectId;
    private final String projectName;
    private final String projectDomainId;
    private final String projectDomainName;
    private final String domainId;
    private final String domainName;
    private final boolean explicitlyUnscoped;

    private KeystoneIdentity(HttpUrl identityUrl, Fields f, Method method) {
        this.identityUrl = identityUrl;
        this.method = method;
        this.userId = f.userId;
        this.username = f.username;
        this.userDomainId = f.userDomainId;
        this.userDomainName = f.userDomainName;
        this.secret = method == Method.PASSWORD ? f.password
                : method == Method.APPLICATION_CREDENTIAL ? f.applicationCredentialSecret : f.token;
        this.applicationCredentialId = f.applicationCredentialId;
        this.applicationCredentialName = f.applicationCredentialName;
        this.projectId = f.projectId;
        this.projectName = f.projectName;
        this.projectDomainId = f.projectDomainId;
        this.projectDomainName = f.projectDomainName;
        this.domainId = f.domainId;
        this.domainName = f.domainName;
        this.explicitlyUnscoped = f.unscoped;
    }

    /**
     * The identity for {@code identityUrl} (see {@link #identityUrl(String)}).
     *
     * @throws ValidationException when the settings are incomplete or contradict each other
     */
    public static KeystoneIdentity of(HttpUrl identityUrl, Fields f) {
        validate(f);
        return new KeystoneIdentity(identityUrl, f, method(f));
    }

    /** The identity API v3 root. */
    public HttpUrl identityUrl() {
        return identityUrl;
    }

    /** {@code {identity}/auth/tokens}. */
    public HttpUrl tokensUrl() {
        return identityUrl.newBuilder().addPathSegment("auth").addPathSegment("tokens").build();
    }

    /** The identity method. */
    public Method method() {
        return method;
    }

    /** Normalises an auth URL to the v3 root, e.g. {@code http://h:5000} to {@code http://h:5000/v3}. */
    public static HttpUrl identityUrl(String authUrl) {
        if (authUrl == null || authUrl.isBlank()) {
            throw new ValidationException("Keystone auth_url must not be blank");
        }
        HttpUrl url = HttpUrl.parse(authUrl.trim());
        if (url == null) {
            throw new ValidationException("Keystone auth_url is not an http(s) URL: \"" + authUrl.trim() + "\"");
        }
        HttpUrl.Builder b = url.newBuilder().query(null).fragment(null).username("").password("");
        List<String> segments = new ArrayList<>(url.pathSegments());
        while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        if (last.matches("(?i)v2(\\.0)?")) {
            throw new ValidationException("Keystone auth_url points to the retired identity API v2.0 (\""
                    + url.newBuilder().username("").password("").query(null).fragment(null).build() + "\"): use the v3 endpoint");
        }
        if (!last.matches("(?i)v3(\\.\\d+)?")) {
            segments.add("v3");
        }
        b.encodedPath("/");
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    static Method method(Fields f) {
        List<Method> chosen = new ArrayList<>();
        if (f.password != null) {
            chosen.add(Method.PASSWORD);
        }
        if (f.applicationCredentialId != null || f.applicationCredentialName != null || f.applicationCredentialSecret != null) {
            chosen.add(Method.APPLICATION_CREDENTIAL);
        }
        if (f.token != null) {
            chosen.add(Method.TOKEN);
        }
        if (chosen.isEmpty()) {
            throw new ValidationException("Keystone authentication needs a password, an application credential "
                    + "or an existing token");
        }
        if (chosen.size() > 1) {
            throw new ValidationException("Keystone authentication needs exactly one of password, application "
                    + "credential and token; got " + chosen.stream().map(m -> m.wire).toList());
        }
        return chosen.get(0);
    }

    private static void validate(Fields f) {
        Method m = method(f);
        boolean user = f.userId != null || f.username != null;
        if (f.userId != null && f.username != null) {
            throw new ValidationException("set userId or username, not both");
        }
        if (f.username != null && f.userDomainId == null && f.userDomainName == null) {
            throw new ValidationException("username \"" + f.username + "\" needs userDomainName or userDomainId "
                    + "(user names are unique per domain; a fresh Keystone's domain is id \"default\", name \"Default\")");
        }
        if (f.userDomainId != null && f.userDomainName != null) {
            throw new ValidationException("set userDomainId or userDomainName, not both");
        }
        switch (m) {
            case PASSWORD:
                if (!user) {
                    throw new ValidationException("password authentication needs userId, or username with its domain");
                }
                break;
            case APPLICATION_CREDENTIAL:
                if (f.applicationCredentialSecret == null) {
                    throw new ValidationException("application credential authentication needs applicationCredentialSecret");
                }
                if (f.applicationCredentialId == null && f.applicationCredentialName == null) {
                    throw new ValidationException("application credential authentication needs applicationCredentialId, "
                            + "or applicationCredentialName with the user");
                }
                if (f.applicationCredentialId != null && f.applicationCredentialName != null) {
                    throw new ValidationException("set applicationCredentialId or applicationCredentialName, not both");
                }
                if (f.applicationCredentialName != null && !user) {
                    throw new ValidationException("applicationCredentialName \"" + f.applicationCredentialName
                            + "\" needs the user (userId, or username with its domain): names are unique per user only");
                }
                if (hasScope(f)) {
                    throw new ValidationException("an application credential is bound to the project it was created "
                            + "in: do not set a project, domain or unscoped scope with it");
                }
                break;
            default:
                if (user) {
                    throw new ValidationException("token authentication takes no user: the token identifies it");
                }
        }
        if (f.projectId != null && f.projectName != null) {
            throw new ValidationException("set projectId or projectName, not both");
        }
        if (f.projectName != null && f.projectDomainId == null && f.projectDomainName == null) {
            throw new ValidationException("projectName \"" + f.projectName + "\" needs projectDomainName or "
                    + "projectDomainId (project names are unique per domain)");
        }
        if (f.projectDomainId != null && f.projectDomainName != null) {
            throw new ValidationException("set projectDomainId or projectDomainName, not both");
        }
        boolean project = f.projectId != null || f.projectName != null;
        boolean domain = f.domainId != null || f.domainName != null;
        if (f.domainId != null && f.domainName != null) {
            throw new ValidationException("set domainId or domainName, not both");
        }
        if ((project ? 1 : 0) + (domain ? 1 : 0) + (f.unscoped ? 1 : 0) > 1) {
            throw new ValidationException("choose one scope: a project, a domain, or unscoped");
        }
    }

    private static boolean hasScope(Fields f) {
        return f.projectId != null || f.projectName != null || f.domainId != null || f.domainName != null || f.unscoped;
    }


    /** The JSON body of {@code POST /v3/auth/tokens}. Contains the secret: never log it. */
    public String requestBody() {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.beginObject().name("auth").beginObject();
            w.name("identity").beginObject();
            w.name("methods").beginArray().value(method.wire).endArray();
            w.name(method.wire).beginObject();
            switch (method) {
                case PASSWORD:
                    w.name("user");
                    writeUser(w, secret);
                    break;
                case APPLICATION_CREDENTIAL:
                    if (applicationCredentialId != null) {
                        w.name("id").value(applicationCredentialId);
                    } else {
                        w.name("name").value(applicationCredentialName);
                        w.name("user");
                        writeUser(w, null);
                    }
                    w.name("secret").value(secret);
                    break;
                default:
                    w.name("id").value(secret);
            }
            w.endObject();
            w.endObject();
            if (projectId != null || projectName != null) {
                w.name("scope").beginObject().name("project").beginObject();
                if (projectId != null) {
                    w.name("id").value(projectId);
                } else {
                    w.name("name").value(projectName);
                    writeDomain(w, projectDomainId, projectDomainName);
                }
                w.endObject().endObject();
            } else if (domainId != null || domainName != null) {
                w.name("scope").beginObject().name("domain").beginObject();
                w.name(domainId != null ? "id" : "name").value(domainId != null ? domainId : domainName);
                w.endObject().endObject();
            } else if (explicitlyUnscoped) {
                w.name("scope").value("unscoped");
            }
            w.endObject().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    private void writeUser(JsonWriter w, String password) throws IOException {
        w.beginObject();
        if (userId != null) {
            w.name("id").value(userId);
        } else {
            w.name("name").value(username);
            writeDomain(w, userDomainId, userDomainName);
        }
        if (password != null) {
            w.name("password").value(password);
        }
        w.endObject();
    }

    private static void writeDomain(JsonWriter w, String id, String name) throws IOException {
        w.name("domain").beginObject();
        w.name(id != null ? "id" : "name").value(id != null ? id : name);
        w.endObject();
    }

    /** The settings without secrets, for {@code toString()}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(identityUrl.toString()); // user info, query and fragment were removed by identityUrl(String)
        parts.add(method.wire);
        if (method == Method.APPLICATION_CREDENTIAL) {
            parts.add("applicationCredential=" + (applicationCredentialId != null ? applicationCredentialId : applicationCredentialName));
        }
        if (userId != null) {
            parts.add("userId=" + userId);
        } else if (username != null) {
            parts.add("user=" + username + "@" + (userDomainId != null ? userDomainId : userDomainName));
        }
        if (projectId != null) {
            parts.add("projectId=" + projectId);
        } else if (projectName != null) {
            parts.add("project=" + projectName + "@" + (projectDomainId != null ? projectDomainId : projectDomainName));
        } else if (domainId != null || domainName != null) {
            parts.add("domain=" + (domainId != null ? domainId : domainName));
        } else if (explicitlyUnscoped) {
            parts.add("unscoped");
        }
        return String.join(", ", parts);
    }
}
