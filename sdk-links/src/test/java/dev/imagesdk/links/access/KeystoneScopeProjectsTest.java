package dev.imagesdk.links.access;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.ResponseFormatException;
import dev.imagesdk.core.error.ValidationException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * KeystoneScopeProjects against a fake Keystone answering {@code GET /v3/projects?tags=...} with the shapes the real
 * Keystone 22 sent to an administrator (and its 403 to a project member), observed with curl.
 */
class KeystoneScopeProjectsTest {
    private static final String FORBIDDEN = "{\"error\":{\"code\":403,\"message\":\"You are not authorized to perform the "
            + "requested action: identity:list_projects.\",\"title\":\"Forbidden\"}}";

    private final MockWebServer keystone = new MockWebServer();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** tag -> the projects listed for it (JSON objects); a tag not in the map lists none. */
    private final Map<String, List<String>> byTag = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile String rawBody;
    private ServiceClient client;

    private static String project(String id, String name, boolean enabled, String parent, String... tags) {
        StringBuilder t = new StringBuilder();
        for (String tag : tags) {
            t.append(t.length() == 0 ? "" : ",").append('"').append(tag).append('"');
        }
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"domain_id\":\"default\",\"description\":\"\",\"enabled\":"
                + enabled + ",\"parent_id\":\"" + parent + "\",\"is_domain\":false,\"tags\":[" + t + "],\"options\":{},"
                + "\"links\":{\"self\":\"http://k/v3/projects/" + id + "\"}}";
    }

    @BeforeEach
    void start() throws IOException {
        keystone.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                if ("POST".equals(r.getMethod()) && path.equals("/v3/auth/tokens")) {
                    requests.add("POST " + path);
                    return new MockResponse.Builder().code(201).addHeader("X-Subject-Token", "tok-admin")
                            .addHeader("Content-Type", "application/json")
                            .body("{\"token\":{\"methods\":[\"password\"],\"user\":{\"id\":\"u-admin\",\"name\":\"admin\","
                                    + "\"domain\":{\"id\":\"default\",\"name\":\"Default\"}},\"project\":{\"id\":\"p-admin\","
                                    + "\"name\":\"admin\",\"domain\":{\"id\":\"default\",\"name\":\"Default\"}},\"roles\":"
                                    + "[{\"id\":\"r\",\"name\":\"admin\"}],\"expires_at\":\"2099-01-01T00:00:00.000000Z\","
                                    + "\"issued_at\":\"2026-01-01T00:00:00.000000Z\",\"catalog\":[]}}").build();
                }
                if ("GET".equals(r.getMethod()) && path.equals("/v3/projects")) {
                    String tag = r.getUrl().queryParameter("tags");
                    requests.add("GET " + path + " tags=" + tag + " token=" + r.getHeaders().get("X-Auth-Token"));
                    String body = rawBody != null ? rawBody : status != 200 ? FORBIDDEN
                            : "{\"projects\":[" + String.join(",", byTag.getOrDefault(tag, List.of()))
                            + "],\"links\":{\"next\":null,\"self\":\"http://k/v3/projects\",\"previous\":null}}";
                    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                            .body(body).build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        keystone.start(0);
        client = ServiceClient.builder().endpoint("http://127.0.0.1:9/")
                .auth(Auth.keystone(keystone.url("/v3").toString()).username("admin").userDomainName("Default")
                        .password("pw").projectName("admin").projectDomainName("Default").build())
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        keystone.close();
    }

    private List<String> gets() {
        return requests.stream().filter(r -> r.startsWith("GET")).toList();
    }

    @Test
    void organizationAndSpaceFromTheirTags() {
        byTag.put("imagesdk-org:acme", List.of(project("p-acme", "acme", true, "default", "imagesdk-org:acme")));
        byTag.put("imagesdk-space:acme:ml-lab", List.of(project("p-ml", "acme-ml-lab", true, "p-acme",
                "imagesdk-space:acme:ml-lab", "team")));
        KeystoneScopeProjects projects = KeystoneScopeProjects.of(client);

        assertThat(projects.projectOf("acme", null)).contains("p-acme");
        assertThat(projects.projectOf("acme", "ml-lab")).contains("p-ml");

        // the client's own token, at the identity root of its Auth; the organization asked once (then cached)
        assertThat(requests).containsExactly("POST /v3/auth/tokens",
                "GET /v3/projects tags=imagesdk-org:acme token=tok-admin",
                "GET /v3/projects tags=imagesdk-space:acme:ml-lab token=tok-admin");
        assertThat(projects.keystoneRequests()).isEqualTo(2);
    }

    @Test
    void noProjectWithTheTagIsEmptyAndCachedToo() {
        KeystoneScopeProjects projects = KeystoneScopeProjects.of(client);

        assertThat(projects.projectOf("nope", null)).isEmpty();
        assertThat(projects.projectOf("nope", null)).isEmpty();
        assertThat(gets()).hasSize(1);
    }

    @Test
    void twoProjectsWithOneTagAreATypedErrorNamingBoth() {
        byTag.put("imagesdk-org:acme", List.of(project("p-acme", "acme", true, "default", "imagesdk-org:acme"),
                project("p-acme2", "acme-old", true, "default", "imagesdk-org:acme")));

        assertThatThrownBy(() -> KeystoneScopeProjects.of(client).projectOf("acme", null))
                .isInstanceOfSatisfying(AmbiguousScopeProjectException.class, e -> {
                    assertThat(e.tag()).isEqualTo("imagesdk-org:acme");
                    assertThat(e.projectIds()).containsExactly("p-acme", "p-acme2");
                })
                .hasMessageContaining("p-acme, p-acme2");
    }

    @Test
    void aTokenThatMayNotListProjectsGetsAnExplainedForbiddenNotAnEmptyAnswer() {
        status = 403;
        KeystoneScopeProjects projects = KeystoneScopeProjects.of(client);

        assertThatThrownBy(() -> projects.projectOf("acme", null))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.method()).contains("GET");
                    assertThat(e.url()).hasValueSatisfying(u -> assertThat(u).contains("/v3/projects?tags="));
                })
                .hasMessageContaining("identity:list_projects.")
                .hasMessageContaining("an administrator, a system-scoped reader, or a reader scoped to the projects' domain");
        // errors are not cached: the next call asks again
        status = 200;
        byTag.put("imagesdk-org:acme", List.of(project("p-acme", "acme", true, "default", "imagesdk-org:acme")));
        assertThat(projects.projectOf("acme", null)).contains("p-acme");
    }

    @Test
    void whatCannotBeReadSafelySharesWithNobody() {
        byTag.put("imagesdk-org:acme", List.of(project("p-acme", "acme", true, "default", "imagesdk-org:acme")));
        // a space tag on a top-level project, on a child of another project, on a project with two convention tags
        byTag.put("imagesdk-space:acme:top", List.of(project("p-top", "top", true, "default", "imagesdk-space:acme:top")));
        byTag.put("imagesdk-space:acme:web", List.of(project("p-web", "web", true, "p-other", "imagesdk-space:acme:web")));
        byTag.put("imagesdk-org:two", List.of(project("p-two", "two", true, "default", "imagesdk-org:two", "imagesdk-org:y")));
        // a space of an organization that has no project
        byTag.put("imagesdk-space:ghost:lab", List.of(project("p-lab", "lab", true, "p-acme", "imagesdk-space:ghost:lab")));
        KeystoneScopeProjects projects = KeystoneScopeProjects.of(client);

        assertThat(projects.projectOf("acme", "top")).isEmpty();
        assertThat(projects.projectOf("acme", "web")).isEmpty();
        assertThat(projects.projectOf("two", null)).isEmpty();
        assertThat(projects.projectOf("ghost", "lab")).isEmpty();
        // a slug no tag of the convention can carry: not asked at all
        int before = gets().size();
        assertThat(projects.projectOf("Not A Slug", null)).isEmpty();
        assertThat(projects.projectOf("acme", "ML Lab")).isEmpty();
        assertThat(gets()).hasSize(before);
    }

    @Test
    void aDisabledProjectIsStillTheOrganizationsProject() {
        byTag.put("imagesdk-org:initech", List.of(project("p-initech", "initech", false, "default", "imagesdk-org:initech")));
        assertThat(KeystoneScopeProjects.of(client).projectOf("initech", null)).contains("p-initech");
    }

    @Test
    void cachedForTheCacheTimeThenAskedAgain() {
        byTag.put("imagesdk-org:acme", List.of(project("p-acme", "acme", true, "default", "imagesdk-org:acme")));
        Instant[] now = {Instant.parse("2026-12-06T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        KeystoneScopeProjects projects = KeystoneScopeProjects.of(client, Duration.ofSeconds(30), clock);
        assertThat(projects.projectOf("acme", null)).contains("p-acme");
        byTag.put("imagesdk-org:acme", List.of(project("p-acme-new", "acme", true, "default", "imagesdk-org:acme")));
        now[0] = now[0].plusSeconds(29);
        assertThat(projects.projectOf("acme", null)).contains("p-acme");
        assertThat(projects.keystoneRequests()).isEqualTo(1);
        now[0] = now[0].plusSeconds(1);
        assertThat(projects.projectOf("acme", null)).contains("p-acme-new");
        assertThat(gets()).hasSize(2);
        // zero: asked every time
        KeystoneScopeProjects uncached = KeystoneScopeProjects.of(client, Duration.ZERO);
        uncached.projectOf("acme", null);
        uncached.projectOf("acme", null);
        assertThat(uncached.keystoneRequests()).isEqualTo(2);
    }

    @Test
    void notAProjectListIsAResponseFormatError() {
        rawBody = "{\"projects\": 7}";
        assertThatThrownBy(() -> KeystoneScopeProjects.of(client).projectOf("acme", null))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("projects");
    }

    @Test
    void badArgumentsAndClientsAreRefusedBeforeAnyRequest() {
        try (ServiceClient headers = ServiceClient.builder().endpoint("http://127.0.0.1:9/")
                .auth(Auth.trustedHeaders("p", "u", "admin")).build()) {
            assertThatThrownBy(() -> KeystoneScopeProjects.of(headers)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("Keystone");
        }
        assertThatThrownBy(() -> KeystoneScopeProjects.of(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> KeystoneScopeProjects.of(client, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> KeystoneScopeProjects.of(client, Duration.ofSeconds(-1))).isInstanceOf(ValidationException.class);
        KeystoneScopeProjects projects = KeystoneScopeProjects.of(client);
        assertThatThrownBy(() -> projects.projectOf(null, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> projects.projectOf(" ", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> projects.projectOf("acme", " ")).isInstanceOf(ValidationException.class);
        assertThat(requests).isEmpty();
        assertThat(projects.toString()).contains("/v3").doesNotContain("pw");
    }
}
