package dev.imagesdk.testing.contract;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.links.ImageLink;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.links.ImageSource;
import dev.imagesdk.links.NotOwnedException;
import dev.imagesdk.links.OrganizationImage;
import dev.imagesdk.links.OrganizationImages;
import dev.imagesdk.links.Provenance;
import dev.imagesdk.links.Scope;
import dev.imagesdk.links.access.CallerRoles;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Organization images (seed 002) and images created with their links (seed 000) on the real Glance (headers mode;
 * failsafe, CI; Glance 25.1 and, in the second run of {@code scripts/test-all.sh}, 30.0). Every request is counted
 * by method and path, so "refused before any request" and "no DELETE" are observed, not assumed. Expected values are
 * written by hand.
 */
class OrganizationImagesIT {
    private final String org = "it-org-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherOrg = "it-other-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> made = new ArrayList<>();
    private ServiceClient client;
    private ImageLinks links;

    @TempDir
    Path dir;

    @BeforeEach
    void connect() {
        Interceptor count = chain -> {
            requests.add(chain.request().method() + " " + chain.request().url().encodedPath());
            return chain.proceed(chain.request());
        };
        client = ServiceClient.builder().endpoint(RealGlance.endpoint()).retryPolicy(RetryPolicy.none())
                .httpClient(new OkHttpClient.Builder().addInterceptor(count).build())
                .auth(Auth.trustedHeaders(RealGlance.PROJECT_A, "it-alice", "member", "reader")).build();
        links = ImageLinks.inGlance(client, CallerRoles.builder().project(RealGlance.PROJECT_A).orgRole(org, "member").build());
    }

    @AfterEach
    void cleanUp() {
        for (String id : made) {
            try {
                Images.of(RealGlance.projectA()).delete(id);
            } catch (RuntimeException gone) {
                // already deleted by the test
            }
        }
        client.close();
    }

    private static CreateOpts raw(String name) {
        return CreateOpts.builder().name(name).diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE).build();
    }

    private Path disk(String name, boolean mbr) throws Exception {
        byte[] d = new byte[64 * 1024];
        if (mbr) {
            d[510] = 0x55;
            d[511] = (byte) 0xAA;
        }
        return Files.write(dir.resolve(name), d);
    }

    @Test
    void anUploadedImageReadsBackItsOwnershipProvenanceAndSpaceLink() throws Exception {
        OrganizationImages acme = links.organization(org);

        OrganizationImage created = acme.create(raw("it-org-upload"), ImageSource.file(disk("a.raw", true)).by("it-alice"),
                Scope.space(org, "lab"));
        made.add(created.id());

        OrganizationImage read = acme.get(created.id());
        assertThat(read.organization()).contains(org);
        assertThat(read.provenance()).hasValueSatisfying(p -> {
            assertThat(p.source()).isEqualTo(Provenance.Source.UPLOAD);
            assertThat(p.by()).contains("it-alice");
            assertThat(p.from()).isEmpty();
        });
        assertThat(read.decodingProblems()).isEmpty();
        assertThat(read.image().status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(read.image().size()).isEqualTo(64L * 1024);
        ImageLinks lab = ImageLinks.inGlance(client, CallerRoles.builder().spaceRole(org, "lab", "editor").build());
        assertThat(lab.listForImage(created.id())).extracting(ImageLink::linkId).containsExactly(created.id() + ":space:" + org + ":lab");
    }

    @Test
    void aRawFileWithoutBootSectorIsRefusedBeforeAnyRequestAndTheOptOutUploadsIt() throws Exception {
        OrganizationImages acme = links.organization(org);
        // zeros: no boot signature, and no other format either (Glance 30.0's own format inspection refuses data
        // of another format declared raw, qcow2 for example, with a 415, after the SDK's opt-out)
        Path qcow = disk("b.raw", false);

        assertThatThrownBy(() -> acme.create(raw("it-org-refused"), ImageSource.file(qcow)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not a bootable raw disk");
        assertThat(requests).isEmpty();

        OrganizationImage uploaded = acme.create(raw("it-org-unchecked"), ImageSource.file(qcow).withoutBootSectorCheck());
        made.add(uploaded.id());
        assertThat(Images.of(client).get(uploaded.id()).status()).isEqualTo(ImageStatus.ACTIVE);
    }

    @Test
    void aWebDownloadWithoutBootSectorIsRefusedAfterOneRangedGetAndNothingIsCreated() throws Exception {
        try (MockWebServer web = new MockWebServer()) {
            web.enqueue(new MockResponse.Builder().code(206).body(new okio.Buffer().write(new byte[512])).build());
            web.start();

            assertThatThrownBy(() -> links.organization(org).create(raw("it-org-web"),
                    ImageSource.webDownload(URI.create(web.url("/disk.img").toString()))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("55 aa");

            assertThat(web.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=0-511");
            assertThat(requests).containsExactly("GET /disk.img");
        }
    }

    @Test
    void deletingAnImageOfAnotherOrganizationIsRefusedWithoutAnyDeleteAndAnOwnedOneIsDeleted() throws Exception {
        OrganizationImage theirs = links.organization(otherOrg).create(CreateOpts.builder().name("it-org-theirs").build(),
                ImageSource.none());
        made.add(theirs.id());
        requests.clear();

        assertThatThrownBy(() -> links.organization(org).delete(theirs.id()))
                .isInstanceOfSatisfying(NotOwnedException.class, e -> assertThat(e.owner()).contains(otherOrg));

        assertThat(requests).containsExactly("GET /v2/images/" + theirs.id());
        assertThat(Images.of(client).get(theirs.id()).id()).isEqualTo(theirs.id());
        requests.clear();
        links.organization(otherOrg).delete(theirs.id());
        assertThat(requests).containsExactly("GET /v2/images/" + theirs.id(), "DELETE /v2/images/" + theirs.id());
        assertThatThrownBy(() -> Images.of(client).get(theirs.id())).isInstanceOf(dev.imagesdk.core.error.NotFoundException.class);
    }

    @Test
    void theOrganizationsImagesAreListedWithOneGlanceQuery() {
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OrganizationImage o = links.organization(org).create(CreateOpts.builder().name("it-org-list-" + i).build(), ImageSource.none());
            made.add(o.id());
            ours.add(o.id());
        }
        made.add(links.organization(otherOrg).create(CreateOpts.builder().name("it-org-list-x").build(), ImageSource.none()).id());
        requests.clear();

        List<OrganizationImage> listed = links.organization(org).list().stream().collect(Collectors.toList());

        assertThat(listed).extracting(OrganizationImage::id).containsExactlyInAnyOrderElementsOf(ours);
        assertThat(listed).allSatisfy(o -> {
            assertThat(o.organization()).contains(org);
            assertThat(o.provenance().map(Provenance::source)).contains(Provenance.Source.CREATED);
        });
        assertThat(requests).containsExactly("GET /v2/images");
    }

    @Test
    void seed000AnImageCreatedWithoutScopeIsGlobalWithAnOrganizationItIsTheOrganizations() {
        ImageLinks anyone = ImageLinks.inGlance(client, CallerRoles.builder().project(RealGlance.PROJECT_A).build());
        String global = anyone.publish(CreateOpts.builder().name("it-seed000-global").build()).image().id();
        made.add(global);
        String inOrg = anyone.publish(CreateOpts.builder().name("it-seed000-org").build(), Scope.organization(org)).image().id();
        made.add(inOrg);
        String inSpace = anyone.publish(CreateOpts.builder().name("it-seed000-space").build(), Scope.of(org, "lab")).image().id();
        made.add(inSpace);

        assertThat(anyone.listForImage(global)).extracting(ImageLink::linkId).containsExactly(global + ":global");
        assertThat(anyone.listForImage(inOrg)).extracting(ImageLink::linkId).containsExactly(inOrg + ":org:" + org);
        assertThat(anyone.listForImage(inSpace)).extracting(ImageLink::linkId).containsExactly(inSpace + ":space:" + org + ":lab");
    }
}
