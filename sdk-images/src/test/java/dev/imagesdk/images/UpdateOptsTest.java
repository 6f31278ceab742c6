package dev.imagesdk.images;

import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.PatchOp;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.images.internal.json.UpdateOptsJson;

import dev.imagesdk.core.error.ValidationException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateOptsTest {
    private final MockGlance glance = new MockGlance();

    @AfterEach
    void close() {
        glance.close();
    }

    private static String json(UpdateOpts.Builder b) {
        return UpdateOptsJson.write(b.build());
    }

    @Test
    void eachTypedOpHasGlancesBody() {
        assertThat(json(UpdateOpts.builder().name("alpha-renamed")))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"alpha-renamed\"}]");
        assertThat(json(UpdateOpts.builder().name(null)))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":null}]");
        assertThat(json(UpdateOpts.builder().visibility(Visibility.PRIVATE)))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/visibility\",\"value\":\"private\"}]");
        assertThat(json(UpdateOpts.builder().tags("web", "linux", "web")))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/tags\",\"value\":[\"web\",\"linux\"]}]");
        assertThat(json(UpdateOpts.builder().isProtected(true)))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/protected\",\"value\":true}]");
        assertThat(json(UpdateOpts.builder().hidden(false)))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/os_hidden\",\"value\":false}]");
        assertThat(json(UpdateOpts.builder().minDisk(3)))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/min_disk\",\"value\":3}]");
        assertThat(json(UpdateOpts.builder().minRam(1024)))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/min_ram\",\"value\":1024}]");
        assertThat(json(UpdateOpts.builder().diskFormat(DiskFormat.QCOW2)))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/disk_format\",\"value\":\"qcow2\"}]");
        assertThat(json(UpdateOpts.builder().containerFormat(ContainerFormat.BARE)))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/container_format\",\"value\":\"bare\"}]");
        assertThat(json(UpdateOpts.builder().owner("proj-b")))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/owner\",\"value\":\"proj-b\"}]");
        assertThat(json(UpdateOpts.builder().setProperty("os_distro", "ubuntu")))
                .isEqualTo("[{\"op\":\"add\",\"path\":\"/os_distro\",\"value\":\"ubuntu\"}]");
        assertThat(json(UpdateOpts.builder().replaceProperty("os_distro", "debian")))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/os_distro\",\"value\":\"debian\"}]");
        assertThat(json(UpdateOpts.builder().removeProperty("custom_key")))
                .isEqualTo("[{\"op\":\"remove\",\"path\":\"/custom_key\"}]");
    }

    @Test
    void propertyNamesAreEscapedAsJsonPointers() {
        assertThat(json(UpdateOpts.builder().setProperty("a/b~c", "v")))
                .isEqualTo("[{\"op\":\"add\",\"path\":\"/a~1b~0c\",\"value\":\"v\"}]");
        assertThat(PatchOp.pointer("~/")).isEqualTo("/~0~1");
    }

    @Test
    void opsKeepTheirOrder() {
        UpdateOpts opts = UpdateOpts.builder().name("n").setProperty("p", "v").removeProperty("q").build();

        assertThat(opts.operations()).extracting(PatchOp::kind)
                .containsExactly(PatchOp.Kind.REPLACE, PatchOp.Kind.ADD, PatchOp.Kind.REMOVE);
    }

    @Test
    void updateSendsThePatchMediaTypeAndReadsTheImage() {
        glance.json(200, MockGlance.ACTIVE_IMAGE);

        Image image = glance.images().update("b8fd9546-45a4-476f-93df-a13b5f7c2269",
                UpdateOpts.builder().setProperty("new_prop", "v2").build());

        RecordedRequest r = glance.take();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/images/b8fd9546-45a4-476f-93df-a13b5f7c2269");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/openstack-images-v2.1-json-patch");
        assertThat(MockGlance.body(r)).isEqualTo("[{\"op\":\"add\",\"path\":\"/new_prop\",\"value\":\"v2\"}]");
        assertThat(image.stringProperty("new_prop")).contains("v2");
    }

    @Test
    void reservedAndCoreNamesAreRejectedClientSide() {
        assertThatThrownBy(() -> UpdateOpts.builder().setProperty("os_glance_import_task", "x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> UpdateOpts.builder().setProperty("status", "active"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> UpdateOpts.builder().setProperty("name", "x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("typed setter");
        assertThatThrownBy(() -> UpdateOpts.builder().setProperty("p", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> UpdateOpts.builder().op(PatchOp.replace("status", "active")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> UpdateOpts.builder().visibility(Visibility.of("all"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> UpdateOpts.builder().build()).isInstanceOf(ValidationException.class);
    }

    @Test
    void customValuesMustBeStrings() {
        assertThatThrownBy(() -> UpdateOpts.of(PatchOp.add("foo", 123))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("must be a string");
        assertThat(UpdateOptsJson.write(UpdateOpts.of(PatchOp.replace("min_ram", 1024L))))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/min_ram\",\"value\":1024}]");
        assertThat(UpdateOptsJson.write(UpdateOpts.of(PatchOp.replace("tags", List.of("a")))))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/tags\",\"value\":[\"a\"]}]");
    }
}
