package dev.imagesdk.images.model;

import dev.imagesdk.images.internal.json.CreateOptsJson;


import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateOptsTest {
    @Test
    void bodyCarriesEverySetAttributeAndOnlyThose() {
        CreateOpts opts = CreateOpts.builder().id("11111111-2222-3333-4444-555555555555").name("bravo")
                .visibility(Visibility.PRIVATE).tags("db", "db", "web").diskFormat(DiskFormat.QCOW2)
                .containerFormat(ContainerFormat.BARE).minDisk(1).minRam(512).isProtected(true).hidden(false)
                .property("os_distro", "ubuntu").build();

        assertThat(CreateOptsJson.write(opts)).isEqualTo("{\"id\":\"11111111-2222-3333-4444-555555555555\",\"name\":\"bravo\","
                + "\"visibility\":\"private\",\"tags\":[\"db\",\"web\"],\"disk_format\":\"qcow2\",\"container_format\":\"bare\","
                + "\"min_disk\":1,\"min_ram\":512,\"protected\":true,\"os_hidden\":false,\"os_distro\":\"ubuntu\"}");
        assertThat(CreateOptsJson.write(CreateOpts.builder().build())).isEqualTo("{}");
        assertThat(CreateOptsJson.write(CreateOpts.builder().owner("p2").build())).isEqualTo("{\"owner\":\"p2\"}");
    }

    @Test
    void reservedNamesAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> CreateOpts.builder().property("os_glance_foo", "x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("os_glance_foo").hasMessageContaining("reserved");
        assertThatThrownBy(() -> CreateOpts.builder().property("status", "active"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> CreateOpts.builder().property("min_ram", "5"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("typed setter");
        assertThatThrownBy(() -> CreateOpts.builder().properties(Map.of("", "x"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CreateOpts.builder().id("not-a-uuid")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CreateOpts.builder().minRam(-1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CreateOpts.builder().visibility(Visibility.of("all"))).isInstanceOf(ValidationException.class);
    }
}
