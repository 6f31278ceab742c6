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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** KeystoneRoles against a fake Keystone answering with the shapes the real Keystone 22 sent (observed with curl). */
class KeystoneRolesTest {
    private final MockWebServer keystone = new MockWebServer();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String projectsBody;
    private volatile int projectsStatus = 200;
    private volatile String tokenRoles = "[{\"id\":\"r1\",\"name\":\"member\"}]";
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

    private void projects(String... items) {
        projectsBody = "{\"links\":{\"self\":\"http://k/v3/auth/projects\",\"previous\":null,\"next\":null},\"projects\":["
                + String.join(",", items) + "]}";
    }

    @BeforeEach
    void start() throws IOException {
        keystone.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                requests.add(r.getMethod() + " " + path + " token=" + r.getHeaders().get("X-Auth-Token"));
                if ("POST".equals(r.getMethod()) && path.equals("/v3/auth/tokens")) {
                    return new MockResponse.Builder().code(201).addHeader("X-Subject-Token", "tok-1")
                            .addHeader("Content-Type", "application/json")
                            .body("{\"token\":{\"methods\":[\"password\"],\"user\":{\"id\":\"u-carol\",\"name\":\"carol\","
                                    + "\"domain\":{\"id\":\"default\",\"name\":\"Default\"}},\"project\":{\"id\":\"p-acme\","
                                    + "\"name\":\"acme\",\"domain\":{\"id\":\"default\",\"name\":\"Default\"}},\"roles\":"
                                    + tokenRoles + ",\"expires_at\":\"2099-01-01T00:00:00.000000Z\","
                                    + "\"issued_at\":\"2026-01-01T00:00:00.000000Z\",\"catalog\":[]}}").build();
                }
                if ("GET".equals(r.getMethod()) && path.equals("/v3/auth/projects")) {
                    return new MockResponse.Builder().code(projectsStatus).addHeader("Content-Type", "application/json")
                            .body(projectsStatus == 200 ? projectsBody
                                    : "{\"error\":{\"code\":403,\"message\":\"You are not authorized.\",\"title\":\"Forbidden\"}}")
                            .build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        keystone.start(0);
        client = ServiceClient.builder().endpoint("http://127.0.0.1:9/")
                .auth(Auth.keystone(keystone.url("/v3").toString()).username("carol").userDomainName("Default")
                        .password("pw").projectName("acme").projectDomainName("Default").build())
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        keystone.close();
    }

    @Test
    void organizationsAndSpacesFromTaggedProjects() {
        projects(project("p-acme", "acme", true, "default", "imagesdk-org:acme"),
                project("p-ml", "acme-ml-lab", true, "p-acme", "imagesdk-space:acme:ml-lab"),
                project("p-globex-res", "globex-research", true, "p-globex", "imagesdk-space:globex:research"),
                project("p-initech", "initech", false, "default", "imagesdk-org:initech"),
                project("p-plain", "guests", true, "default"));

        CallerRoles roles = KeystoneRoles.of(client).get();

        assertThat(roles.projectId()).contains("p-acme");
        assertThat(roles.isAdministrator()).isFalse();
        assertThat(roles.orgRoles()).containsExactly(
                new CallerRoles.OrgRole("acme", "assigned", true, Optional.of("p-acme")),
                new CallerRoles.OrgRole("initech", "assigned", false, Optional.of("p-initech")));
        assertThat(roles.spaceRoles()).containsExactly(
                new CallerRoles.SpaceRole("acme", "ml-lab", "assigned", true, Optional.of("p-ml")),
                new CallerRoles.SpaceRole("globex", "research", "assigned", true, Optional.of("p-globex-res")));
        assertThat(roles.isActiveInOrganization("initech")).isFalse();
        assertThat(roles.orgProjectId("initech")).contains("p-initech");
        assertThat(roles.spaceProjectId("globex", "research")).contains("p-globex-res");
        assertThat(roles.spaceProjectId("globex", "other")).isEmpty();
        // the user's own token, at the identity root of the Auth
        assertThat(requests).containsExactly("POST /v3/auth/tokens token=null", "GET /v3/auth/projects token=tok-1");
    }

    @Test
    void whatCannotBeReadSafelyGrantsNothing() {
        projects(project("p-top", "top-space", true, "default", "imagesdk-space:acme:ml-lab"),   // not a child project
                project("p-acme", "acme", true, "default", "imagesdk-org:acme"),
                project("p-web", "web", true, "p-other", "imagesdk-space:acme:web"),              // acme's project is p-acme
                project("p-two", "two", true, "default", "imagesdk-org:x", "imagesdk-org:y"),     // two tags
                project("p-bad", "bad", true, "default", "imagesdk-org:Not A Slug"),
                project("p-colon", "c", true, "p-acme", "imagesdk-space:acme"));

        CallerRoles roles = KeystoneRoles.of(client).get();

        assertThat(roles.orgRoles()).containsExactly(new CallerRoles.OrgRole("acme", "assigned", true, Optional.of("p-acme")));
        assertThat(roles.spaceRoles()).isEmpty();
    }

    @Test
    void adminRoleOnTheTokenMakesAnAdministrator() {
        tokenRoles = "[{\"id\":\"r1\",\"name\":\"reader\"},{\"id\":\"r2\",\"name\":\"admin\"}]";
        projects();
        assertThat(KeystoneRoles.of(client).get().isAdministrator()).isTrue();
    }

    @Test
    void cachedForTheCacheTimeThenAskedAgain() {
        projects(project("p-acme", "acme", true, "default", "imagesdk-org:acme"));
        Instant[] now = {Instant.parse("2026-12-06T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        KeystoneRoles source = KeystoneRoles.of(client, Duration.ofSeconds(30), clock);
        CallerRoles first = source.get();
        now[0] = now[0].plusSeconds(29);
        projects(project("p-globex", "globex", true, "default", "imagesdk-org:globex"));
        assertThat(source.get()).isSameAs(first);
        assertThat(source.keystoneRequests()).isEqualTo(1);
        now[0] = now[0].plusSeconds(1);
        assertThat(source.get().isActiveInOrganization("globex")).isTrue();
        assertThat(source.keystoneRequests()).isEqualTo(2);
        assertThat(requests.stream().filter(r -> r.startsWith("GET")).count()).isEqualTo(2);
    }

    @Test
    void keystoneErrorsAreTyped() {
        projectsStatus = 403;
        assertThatThrownBy(() -> KeystoneRoles.of(client).get()).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("You are not authorized");
        projectsStatus = 200;
        projectsBody = "{\"projects\": 7}";
        assertThatThrownBy(() -> KeystoneRoles.of(client).get()).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("projects");
    }

    @Test
    void needsAKeystoneClient() {
        try (ServiceClient headers = ServiceClient.builder().endpoint("http://127.0.0.1:9/")
                .auth(Auth.trustedHeaders("p", "u", "member")).build()) {
            assertThatThrownBy(() -> KeystoneRoles.of(headers)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("Keystone");
        }
        assertThatThrownBy(() -> KeystoneRoles.of(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> KeystoneRoles.of(client, Duration.ofSeconds(-1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new CallerRoles.OrgRole("acme", "member", true, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new CallerRoles.SpaceRole("acme", "s", "member", true, Optional.of(" ")))
                .isInstanceOf(ValidationException.class);
    }
}
