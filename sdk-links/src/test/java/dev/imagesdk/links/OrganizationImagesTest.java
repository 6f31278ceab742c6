package dev.imagesdk.links;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ImageInUseException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.links.access.CallerRoles;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static dev.imagesdk.links.LinkServerAnswers.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Organization images (seed 002) and images created with their links (seed 000) against MockWebServer: what is
 * sent, in which order, and what is refused before any request. Expected wire values are written out by hand.
 */
class OrganizationImagesTest {
    private MockWebServer glance;
    private MockWebServer web;
    private ServiceClient client;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, MockResponse> answers = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        glance = new MockWebServer();
        glance.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String call = r.getMethod() + " " + URLDecoder.decode(r.getTarget(), StandardCharsets.UTF_8);
                calls.add(call);
                bodies.add(r.getBody() == null ? "" : r.getBody().utf8());
                MockResponse a = answers.get(call);
                return a != null ? a : LinkServerAnswers.error(500, "Internal Server Error", "unexpected " + call);
            }
        });
        glance.start();
        web = new MockWebServer();
        web.start();
        client = ServiceClient.builder().endpoint(glance.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        glance.close();
        web.close();
    }

    private static String image(String org, String provenance, String status, Long size) {
        String base = LinkServerAnswers.image(false).replace("\"status\": \"queued\"", "\"status\": \"" + status + "\"")
                .replace("\"size\": null", "\"size\": " + size);
        String extra = (org == null ? "" : "\"imagesdk:org\": \"" + org + "\", ")
                + (provenance == null ? "" : "\"imagesdk:provenance\": \"" + provenance + "\", ");
        return "{" + extra + base.substring(1);
    }

    private static byte[] mbrDisk() {
        byte[] d = new byte[1024];
        d[510] = 0x55;
        d[511] = (byte) 0xAA;
        return d;
    }

    private static CreateOpts raw(String name) {
        return CreateOpts.builder().name(name).diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE).build();
    }

    // ---- seed 000: an image created without scope is global

    @Test
    void publishWithoutScopeMakesAGlobalLinkOnTheImageLinkService() {
        answers.put("POST /v2/images", LinkServerAnswers.json(201, LinkServerAnswers.image(false)));
        answers.put("POST /v2/image-links", LinkServerAnswers.created(LinkServerAnswers.link("l1", null, null, 0), "l1"));

        PublishedImage p = ImageLinks.of(client).publish(CreateOpts.builder().name("published").build());

        assertThat(calls).containsExactly("POST /v2/images", "POST /v2/image-links");
        assertThat(bodies.get(1)).isEqualTo("{\"imid\":\"" + IMAGE + "\",\"org_slug\":null,\"space_slug\":null}");
        assertThat(p.links()).singleElement().satisfies(l -> assertThat(l.scope()).isEqualTo(Scope.global()));
    }

    @Test
    void publishWithoutScopeMakesAGlobalLinkInGlance() {
        answers.put("POST /v2/images", LinkServerAnswers.json(201, LinkServerAnswers.image(false)));

        ImageLinks.inGlance(client, CallerRoles.builder().project("aaaa").build()).publish(CreateOpts.builder().id(IMAGE).name("g").build());

        assertThat(calls).containsExactly("POST /v2/images");
        assertThat(bodies.get(0)).contains("\"imagesdk:index:global\":\"1\"").contains("\"imagesdk:link:global\":\"v1;p=0;r=")
                .doesNotContain("imagesdk:link:org");
    }

    // ---- seed 002: ownership and provenance

    @Test
    void anUploadedImageCarriesItsOrganizationItsProvenanceAndItsLinkAndIsReadBackTyped() throws IOException {
        Path disk = Files.write(dir.resolve("disk.raw"), mbrDisk());
        answers.put("POST /v2/images", LinkServerAnswers.json(201, image("acme", "v1;s=upload;u=alice", "queued", null)));
        answers.put("POST /v2/image-links", LinkServerAnswers.created(LinkServerAnswers.link("l1", "acme", "lab", 0), "l1"));
        answers.put("PUT /v2/images/" + IMAGE + "/file", LinkServerAnswers.noContent());
        answers.put("GET /v2/images/" + IMAGE, LinkServerAnswers.json(200, image("acme", "v1;s=upload;u=alice", "active", 1024L)));

        OrganizationImage made = ImageLinks.of(client).organization("acme")
                .create(raw("disk"), ImageSource.file(disk).by("alice"), Scope.space("acme", "lab"));

        assertThat(calls).containsExactly("POST /v2/images", "POST /v2/image-links", "PUT /v2/images/" + IMAGE + "/file",
                "GET /v2/images/" + IMAGE);
        assertThat(bodies.get(0)).contains("\"imagesdk:org\":\"acme\"").contains("\"imagesdk:provenance\":\"v1;s=upload;u=alice\"");
        assertThat(bodies.get(1)).isEqualTo("{\"imid\":\"" + IMAGE + "\",\"org_slug\":\"acme\",\"space_slug\":\"lab\"}");
        assertThat(made.organization()).contains("acme");
        assertThat(made.provenance()).hasValueSatisfying(p -> {
            assertThat(p.source()).isEqualTo(Provenance.Source.UPLOAD);
            assertThat(p.by()).contains("alice");
            assertThat(p.from()).isEmpty();
        });
        assertThat(made.decodingProblems()).isEmpty();
    }

    @Test
    void withoutScopeAnOrganizationImageGetsTheOrganizationLinkAndScopesOfOtherOrganizationsAreRefused() {
        answers.put("POST /v2/images", LinkServerAnswers.json(201, image("acme", "v1;s=created", "queued", null)));
        OrganizationImages acme = ImageLinks.inGlance(client, CallerRoles.builder().project("aaaa").build()).organization("acme");

        acme.create(CreateOpts.builder().id(IMAGE).name("x").build(), ImageSource.none());

        assertThat(bodies.get(0)).contains("\"imagesdk:link:org:acme\":\"v1;p=0;r=").contains("\"imagesdk:index:org:acme\":\"1\"")
                .contains("\"imagesdk:org\":\"acme\"").contains("\"imagesdk:provenance\":\"v1;s=created\"");
        calls.clear();
        assertThatThrownBy(() -> acme.create(CreateOpts.builder().build(), ImageSource.none(), Scope.global()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> acme.create(CreateOpts.builder().build(), ImageSource.none(), Scope.space("globex", "lab")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> acme.create(CreateOpts.builder().property("imagesdk:org", "globex").build(), ImageSource.none()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ImageLinks.of(client).organization("Acme")).isInstanceOf(ValidationException.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void aRawFileWithoutBootSectorIsRefusedBeforeAnyRequestUnlessTheCallerOptsOut() throws IOException {
        byte[] qcow = new byte[1024];
        qcow[0] = 'Q';
        qcow[1] = 'F';
        qcow[2] = 'I';
        qcow[3] = (byte) 0xfb;
        Path file = Files.write(dir.resolve("disk.qcow2"), qcow);
        OrganizationImages acme = ImageLinks.of(client).organization("acme");

        assertThatThrownBy(() -> acme.create(raw("bad"), ImageSource.file(file)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("55 aa").hasMessageContaining("qcow2");
        assertThat(calls).isEmpty();

        answers.put("POST /v2/images", LinkServerAnswers.json(201, image("acme", "v1;s=upload", "queued", null)));
        answers.put("POST /v2/image-links", LinkServerAnswers.created(LinkServerAnswers.link("l1", "acme", null, 0), "l1"));
        answers.put("PUT /v2/images/" + IMAGE + "/file", LinkServerAnswers.noContent());
        answers.put("GET /v2/images/" + IMAGE, LinkServerAnswers.json(200, image("acme", "v1;s=upload", "active", 1024L)));
        acme.create(raw("bad"), ImageSource.file(file).withoutBootSectorCheck());
        assertThat(calls).contains("PUT /v2/images/" + IMAGE + "/file");
    }

    @Test
    void aWebDownloadIsPeekedWithOneRangedGetAndRefusedBeforeAnyGlanceRequest() throws InterruptedException {
        web.enqueue(new MockResponse.Builder().code(206).body(new okio.Buffer().write(new byte[512])).build());
        URI url = URI.create(web.url("/images/disk.img").toString());

        assertThatThrownBy(() -> ImageLinks.of(client).organization("acme").create(raw("w"), ImageSource.webDownload(url)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not a bootable raw disk");

        assertThat(calls).isEmpty();
        RecordedRequest peek = web.takeRequest();
        assertThat(peek.getMethod()).isEqualTo("GET");
        assertThat(peek.getHeaders().get("Range")).isEqualTo("bytes=0-511");
        assertThat(peek.getHeaders().get("X-Auth-Token")).isNull();
    }

    @Test
    void aWebDownloadRecordsItsUrlWithoutSecretsAndStartsTheImport() {
        web.enqueue(new MockResponse.Builder().code(206).body(new okio.Buffer().write(mbrDisk(), 0, 512)).build());
        URI url = URI.create(web.url("/images/disk.img?sig=secret").toString().replace("http://", "http://u:pw@"));
        String from = "http://" + web.getHostName() + ":" + web.getPort() + "/images/disk.img";
        answers.put("POST /v2/images", LinkServerAnswers.json(201, image("acme", "v1;s=web-download;f=" + from, "queued", null)));
        answers.put("POST /v2/image-links", LinkServerAnswers.created(LinkServerAnswers.link("l1", "acme", null, 0), "l1"));
        answers.put("POST /v2/images/" + IMAGE + "/import", new MockResponse.Builder().code(202).build());
        answers.put("GET /", LinkServerAnswers.json(300, "{\"versions\": [{\"id\": \"v2.16\", \"status\": \"CURRENT\"}]}"));

        OrganizationImage made = ImageLinks.of(client).organization("acme").create(raw("w"), ImageSource.webDownload(url));

        assertThat(calls).containsExactly("POST /v2/images", "POST /v2/image-links", "GET /", "POST /v2/images/" + IMAGE + "/import");
        assertThat(bodies.get(0)).contains("\"imagesdk:provenance\":\"v1;s=web-download;f=" + from + "\"")
                .doesNotContain("secret").doesNotContain("pw");
        assertThat(bodies.get(3)).contains("web-download").contains("sig=secret");
        assertThat(made.provenance().get().from()).contains(from);
    }

    @Test
    void whenTheUploadFailsTheImageIsDeletedAndTheOriginalErrorThrown() throws IOException {
        Path disk = Files.write(dir.resolve("disk.raw"), mbrDisk());
        answers.put("POST /v2/images", LinkServerAnswers.json(201, image("acme", "v1;s=upload", "queued", null)));
        answers.put("POST /v2/image-links", LinkServerAnswers.created(LinkServerAnswers.link("l1", "acme", null, 0), "l1"));
        answers.put("PUT /v2/images/" + IMAGE + "/file", LinkServerAnswers.error(413, "Request Entity Too Large", "quota"));
        answers.put("DELETE /v2/images/" + IMAGE, LinkServerAnswers.noContent());

        assertThatThrownBy(() -> ImageLinks.of(client).organization("acme").create(raw("d"), ImageSource.file(disk)))
                .isInstanceOf(dev.imagesdk.core.error.PayloadTooLargeException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
        assertThat(calls).endsWith("DELETE /v2/images/" + IMAGE);
    }

    // ---- delete as an organization

    @Test
    void deletingAnImageOfAnotherOrganizationIsRefusedWithoutAnyDelete() {
        answers.put("GET /v2/images/" + IMAGE, LinkServerAnswers.json(200, image("globex", "v1;s=upload", "active", 1L)));

        assertThatThrownBy(() -> ImageLinks.of(client).organization("acme").delete(IMAGE))
                .isInstanceOfSatisfying(NotOwnedException.class, e -> {
                    assertThat(e.imageId()).isEqualTo(IMAGE);
                    assertThat(e.organization()).isEqualTo("acme");
                    assertThat(e.owner()).contains("globex");
                });
        answers.put("GET /v2/images/" + IMAGE, LinkServerAnswers.json(200, image(null, null, "active", 1L)));
        assertThatThrownBy(() -> ImageLinks.of(client).organization("acme").delete(IMAGE))
                .isInstanceOfSatisfying(NotOwnedException.class, e -> assertThat(e.owner()).isEmpty());

        assertThat(calls).containsExactly("GET /v2/images/" + IMAGE, "GET /v2/images/" + IMAGE);
    }

    @Test
    void anOwnedImageIsDeletedAndStillInUseIsItsOwnException() {
        answers.put("GET /v2/images/" + IMAGE, LinkServerAnswers.json(200, image("acme", "v1;s=upload", "active", 1L)));
        answers.put("DELETE /v2/images/" + IMAGE, LinkServerAnswers.error(409, "Conflict",
                "Image " + IMAGE + " could not be deleted because it is in use: The image cannot be deleted because it is in use through the backend store outside of Glance."));

        assertThatThrownBy(() -> ImageLinks.of(client).organization("acme").delete(IMAGE))
                .isInstanceOfSatisfying(ImageInUseException.class, e -> {
                    assertThat(e.imageId()).isEqualTo(IMAGE);
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.serverMessage().get()).contains("in use through the backend store");
                });
        answers.put("DELETE /v2/images/" + IMAGE, LinkServerAnswers.noContent());
        ImageLinks.of(client).organization("acme").delete(IMAGE);
        assertThat(calls).containsExactly("GET /v2/images/" + IMAGE, "DELETE /v2/images/" + IMAGE,
                "GET /v2/images/" + IMAGE, "DELETE /v2/images/" + IMAGE);
    }

    // ---- listing and reading

    @Test
    void theOrganizationsImagesAreOneGlanceQueryPerPage() {
        String second = "/v2/images?visibility=all&imagesdk:org=acme&marker=" + IMAGE;
        answers.put("GET /v2/images?visibility=all&imagesdk:org=acme", LinkServerAnswers.json(200,
                "{\"images\": [" + image("acme", "v1;s=upload;u=alice", "active", 1L) + "], \"next\": \"" + second + "\"}"));
        answers.put("GET " + second, LinkServerAnswers.json(200, "{\"images\": [" + image("acme", "v9;x", "active", 1L)
                .replace(IMAGE, "11111111-1111-1111-1111-111111111111") + "]}"));

        List<OrganizationImage> all = ImageLinks.of(client).organization("acme").list().stream().collect(Collectors.toList());

        assertThat(calls).containsExactly("GET /v2/images?visibility=all&imagesdk:org=acme", "GET " + second);
        assertThat(all).extracting(OrganizationImage::id).containsExactly(IMAGE, "11111111-1111-1111-1111-111111111111");
        assertThat(all.get(0).provenance().get().by()).contains("alice");
        assertThat(all.get(1).provenance()).isEmpty();
        assertThat(all.get(1).decodingProblems()).containsExactly("written in provenance encoding version 9; this SDK reads version 1");
    }

    @Test
    void aNovaSnapshotIsReadAsSnapshotProvenance() {
        answers.put("GET /v2/images/" + IMAGE, LinkServerAnswers.json(200, "{\"image_type\": \"snapshot\", \"user_id\": \"bob\", "
                + "\"imagesdk:org\": \"acme\", " + LinkServerAnswers.image(false).substring(1)));

        OrganizationImage snap = ImageLinks.of(client).organization("acme").get(IMAGE);

        assertThat(snap.provenance()).hasValueSatisfying(p -> {
            assertThat(p.source()).isEqualTo(Provenance.Source.SNAPSHOT);
            assertThat(p.by()).contains("bob");
        });
        assertThat(snap.isOwnedBy("acme")).isTrue();
    }
}
