package dev.imagesdk.images.internal.json;

import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.MockGlance;
import dev.imagesdk.images.model.Visibility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ImageJsonAdapterTest {
    private final ImageJsonAdapter adapter = ImageJsonAdapter.INSTANCE;

    @Test
    void readsEveryCoreAttributeOfARecordedImage() throws IOException {
        Image image = adapter.fromJson(MockGlance.ACTIVE_IMAGE);

        assertThat(image.id()).isEqualTo("b8fd9546-45a4-476f-93df-a13b5f7c2269");
        assertThat(image.name()).isEqualTo("alpha");
        assertThat(image.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(image.visibility()).isEqualTo(Visibility.SHARED);
        assertThat(image.diskFormat()).isEqualTo(DiskFormat.RAW);
        assertThat(image.containerFormat()).isEqualTo(ContainerFormat.BARE);
        assertThat(image.size()).isEqualTo(1048576L);
        assertThat(image.virtualSize()).isEqualTo(1048576L);
        assertThat(image.checksum()).isEqualTo("1b4f32fec01099dc12297c451826146f");
        assertThat(image.osHashAlgo()).isEqualTo("sha512");
        assertThat(image.osHashValue()).isEqualTo("9f94a117");
        assertThat(image.isProtected()).isFalse();
        assertThat(image.isHidden()).isFalse();
        assertThat(image.minRam()).isEqualTo(1024);
        assertThat(image.minDisk()).isEqualTo(1);
        assertThat(image.owner()).isEqualTo("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(image.tags()).containsExactly("web", "linux");
        assertThat(image.createdAt()).isEqualTo(Instant.parse("2026-11-22T12:50:30Z"));
        assertThat(image.updatedAt()).isEqualTo(Instant.parse("2026-11-22T12:50:38Z"));
        assertThat(image.self()).isEqualTo("/v2/images/b8fd9546-45a4-476f-93df-a13b5f7c2269");
        assertThat(image.file()).isEqualTo("/v2/images/b8fd9546-45a4-476f-93df-a13b5f7c2269/file");
        assertThat(image.schema()).isEqualTo("/v2/schemas/image");
        assertThat(image.stores()).containsExactly("fast", "cheap");
        assertThat(image.directUrl()).isEmpty();
        assertThat(image.locations()).isEmpty();
        assertThat(image.properties()).containsExactly(entry("os_distro", "ubuntu"), entry("new_prop", "v2"));
        assertThat(image.isWellFormed()).isTrue();
    }

    @Test
    void nullsFromTheServerAreLegalAndStoresAbsentMeansEmpty() throws IOException {
        Image image = adapter.fromJson("{\"name\": null, \"disk_format\": null, \"container_format\": null, "
                + "\"visibility\": \"shared\", \"size\": null, \"virtual_size\": null, \"status\": \"queued\", "
                + "\"checksum\": null, \"protected\": false, \"min_ram\": 0, \"min_disk\": 0, \"owner\": null, "
                + "\"os_hidden\": false, \"os_hash_algo\": null, \"os_hash_value\": null, \"id\": \"x\", "
                + "\"created_at\": \"2026-11-22T12:50:30Z\", \"updated_at\": \"2026-11-22T12:50:30Z\", \"tags\": []}");

        assertThat(image.name()).isNull();
        assertThat(image.diskFormat()).isNull();
        assertThat(image.size()).isNull();
        assertThat(image.owner()).isNull();
        assertThat(image.stores()).isEmpty();
        assertThat(image.properties()).isEmpty();
        assertThat(image.isWellFormed()).isTrue();
    }

    @Test
    void customPropertiesKeepTheirJsonTypesAndRoundTrip() throws IOException {
        String json = "{\"s\": \"text\", \"n\": 42, \"f\": 1.5, \"big\": 12345678901234, \"b\": true, \"nul\": null, "
                + "\"list\": [\"a\", 1, false], \"obj\": {\"k\": \"v\"}, " + MockGlance.ACTIVE_IMAGE.substring(1);
        Image image = adapter.fromJson(json);

        assertThat(image.properties()).containsExactly(entry("s", "text"), entry("n", 42L), entry("f", 1.5),
                entry("big", 12345678901234L), entry("b", true), entry("nul", null),
                entry("list", List.of("a", 1L, false)), entry("obj", Map.of("k", "v")),
                entry("os_distro", "ubuntu"), entry("new_prop", "v2"));
        assertThat(image.properties().keySet()).doesNotContainAnyElementsOf(Image.CORE_ATTRIBUTES);
        assertThat(image.stringProperty("n")).contains("42");

        Image again = adapter.fromJson(adapter.toJson(image));
        assertThat(again).isEqualTo(image);
        assertThat(again.properties().get("n")).isInstanceOf(Long.class);
        assertThat(again.properties().get("f")).isInstanceOf(Double.class);
    }

    @Test
    void unknownEnumValuesAreKeptVerbatim() throws IOException {
        Image image = adapter.fromJson("{\"id\": \"i\", \"status\": \"frozen\", \"visibility\": \"galactic\", "
                + "\"disk_format\": \"zstd-raw\", \"container_format\": \"oci\"}");

        assertThat(image.status().value()).isEqualTo("frozen");
        assertThat(image.status().isKnown()).isFalse();
        assertThat(image.visibility().value()).isEqualTo("galactic");
        assertThat(image.visibility().isKnown()).isFalse();
        assertThat(image.diskFormat().value()).isEqualTo("zstd-raw");
        assertThat(image.containerFormat().value()).isEqualTo("oci");
        assertThat(image.isWellFormed()).isTrue();
    }

    @Test
    void wrongTypesAreFlaggedNeverThrown() throws IOException {
        Image image = adapter.fromJson("{\"id\": \"i\", \"size\": \"lots\", \"min_ram\": [1], \"protected\": \"maybe\", "
                + "\"created_at\": \"yesterday\", \"tags\": {\"a\": 1}, \"name\": {\"nested\": true}, \"os_hidden\": \"true\", "
                + "\"min_disk\": \"5\"}");

        assertThat(image.id()).isEqualTo("i");
        assertThat(image.size()).isNull();
        assertThat(image.minRam()).isZero();
        assertThat(image.isProtected()).isFalse();
        assertThat(image.createdAt()).isNull();
        assertThat(image.tags()).isEmpty();
        assertThat(image.name()).isNull();
        assertThat(image.isHidden()).isTrue();
        assertThat(image.minDisk()).isEqualTo(5);
        assertThat(image.isWellFormed()).isFalse();
        assertThat(image.decodingProblems()).hasSize(6)
                .anySatisfy(p -> assertThat(p).startsWith("size:"))
                .anySatisfy(p -> assertThat(p).startsWith("min_ram:"))
                .anySatisfy(p -> assertThat(p).startsWith("protected:"))
                .anySatisfy(p -> assertThat(p).startsWith("created_at:"))
                .anySatisfy(p -> assertThat(p).startsWith("tags:"))
                .anySatisfy(p -> assertThat(p).startsWith("name:"));
    }

    @Test
    void everyCoreKeyIsSelectedAndNoOtherOne() {
        assertThat(ImageJsonAdapter.CORE_KEYS.strings()).containsExactlyInAnyOrderElementsOf(Image.CORE_ATTRIBUTES);
    }

    @Test
    void knownEnumValuesAreTheDeclaredConstants() throws IOException {
        Image image = adapter.fromJson("{\"id\": \"i\", \"status\": \"pending_delete\", \"visibility\": \"community\", "
                + "\"disk_format\": \"qcow2\", \"container_format\": \"bare\"}");

        assertThat(image.status()).isSameAs(ImageStatus.PENDING_DELETE);
        assertThat(image.visibility()).isSameAs(Visibility.COMMUNITY);
        assertThat(image.diskFormat()).isSameAs(DiskFormat.QCOW2);
        assertThat(image.containerFormat()).isSameAs(ContainerFormat.BARE);
        Image odd = adapter.fromJson("{\"id\": \"i\", \"status\": 7, \"disk_format\": \"QCOW2\", \"visibility\": null}");
        assertThat(odd.status().value()).isEqualTo("7");
        assertThat(odd.diskFormat().value()).isEqualTo("QCOW2");
        assertThat(odd.diskFormat().isKnown()).isFalse();
        assertThat(odd.visibility()).isNull();
    }

    @Test
    void integersFromNumbersAndTextAlike() throws IOException {
        Image image = adapter.fromJson("{\"id\": \"i\", \"size\": 9223372036854775807, \"virtual_size\": 1.0E3, "
                + "\"min_ram\": \" 2048 \", \"min_disk\": 4096.0}");

        assertThat(image.size()).isEqualTo(Long.MAX_VALUE);
        assertThat(image.virtualSize()).isEqualTo(1000L);
        assertThat(image.minRam()).isEqualTo(2048);
        assertThat(image.minDisk()).isEqualTo(4096);
        assertThat(image.isWellFormed()).isTrue();

        Image bad = adapter.fromJson("{\"id\": \"i\", \"size\": 1.5, \"virtual_size\": 1e400, \"min_ram\": 3000000000, "
                + "\"min_disk\": 2.5}");
        assertThat(bad.size()).isNull();
        assertThat(bad.virtualSize()).isNull();
        assertThat(bad.minRam()).isZero();
        assertThat(bad.minDisk()).isZero();
        assertThat(bad.decodingProblems()).containsExactly("size: expected an integer but got a number 1.5",
                "virtual_size: expected an integer but got a number 1e400", "min_ram: 3000000000 is out of range",
                "min_disk: expected an integer but got a number 2.5");
    }

    @Test
    void fromAnObjectTreeAFractionIsStillFlaggedNotTruncated() throws IOException {
        Image image = adapter.fromJsonValue(Map.of("id", "i", "size", 1.5, "min_ram", 512.0, "p", 2.5, "q", 7L));

        assertThat(image.size()).isNull();
        assertThat(image.minRam()).isEqualTo(512);
        assertThat(image.properties()).containsEntry("p", 2.5).containsEntry("q", 7L);
        assertThat(image.decodingProblems()).containsExactly("size: expected an integer but got a number 1.5");
    }

    @Test
    void storesTextIsSplitOnCommasAndTagListsKeepTheirOrder() throws IOException {
        Image image = adapter.fromJson("{\"id\": \"i\", \"stores\": \" fast, ,cheap,\", \"tags\": [\"c\", \"a\", null, \"b\", 4]}");

        assertThat(image.stores()).containsExactly("fast", "cheap");
        assertThat(image.tags()).containsExactly("c", "a", "b", "4");
        assertThat(adapter.fromJson("{\"id\": \"i\", \"stores\": \" \", \"tags\": [\"one\"]}").stores()).isEmpty();
        assertThat(adapter.fromJson("{\"id\": \"i\", \"stores\": \"one\", \"tags\": [\"one\"]}").tags()).containsExactly("one");
    }

    @Test
    void anItemThatIsNotAnObjectBecomesAFlaggedImageWithoutId() throws IOException {
        Image image = adapter.fromJson("\"oops\"");

        assertThat(image.id()).isNull();
        assertThat(image.decodingProblems()).containsExactly("expected an image object but got a string");
    }

    @Test
    void missingIdIsFlagged() throws IOException {
        assertThat(adapter.fromJson("{\"name\": \"n\"}").decodingProblems()).containsExactly("id: missing");
    }

    @Test
    void storesAlsoAcceptAnArrayAndLocationsAreRead() throws IOException {
        Image image = adapter.fromJson("{\"id\": \"i\", \"stores\": [\"a\", \"b\"], \"direct_url\": \"file:///x\", "
                + "\"locations\": [{\"url\": \"file:///x\", \"metadata\": {\"store\": \"a\"}}]}");

        assertThat(image.stores()).containsExactly("a", "b");
        assertThat(image.directUrl()).contains("file:///x");
        assertThat(image.locations().orElseThrow()).singleElement()
                .satisfies(l -> {
                    assertThat(l.url()).isEqualTo("file:///x");
                    assertThat(l.metadata()).containsEntry("store", "a");
                });
    }

    @Test
    void writesStoresAsCommaSeparatedStringAndNullsExplicitly() {
        Image image = Image.builder().id("i").status(ImageStatus.QUEUED).stores(List.of("fast", "cheap"))
                .property("os_distro", "ubuntu").build();

        String json = adapter.toJson(image);

        assertThat(json).startsWith("{\"os_distro\":\"ubuntu\",").contains("\"stores\":\"fast,cheap\"")
                .contains("\"size\":null").contains("\"checksum\":null");
    }
}
