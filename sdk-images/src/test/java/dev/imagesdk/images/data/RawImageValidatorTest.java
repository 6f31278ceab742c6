package dev.imagesdk.images.data;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.MockGlance;
import mockwebserver3.MockResponse;
import okio.Buffer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawImageValidatorTest {
    @TempDir
    Path dir;

    static byte[] mbr() {
        byte[] sector = new byte[4096];
        sector[446] = (byte) 0x80;
        sector[446 + 4] = (byte) 0x83;
        sector[510] = 0x55;
        sector[511] = (byte) 0xAA;
        return sector;
    }

    @Test
    void aDiskWithAnMbrIsValid() throws Exception {
        Path disk = dir.resolve("disk.raw");
        Files.write(disk, mbr());

        assertThat(RawImageValidator.check(disk).isValid()).isTrue();
        RawImageValidator.requireBootable(disk);
    }

    @Test
    void qcow2IsRejectedWithTheReason() throws Exception {
        byte[] qcow = new byte[1024];
        System.arraycopy(new byte[]{'Q', 'F', 'I', (byte) 0xfb}, 0, qcow, 0, 4);
        Path disk = dir.resolve("disk.qcow2");
        Files.write(disk, qcow);

        RawImageValidator.Result r = RawImageValidator.check(disk);

        assertThat(r.isValid()).isFalse();
        assertThat(r.reason()).hasValueSatisfying(s -> assertThat(s).contains("no MBR boot signature").contains("qcow2"));
        assertThatThrownBy(() -> RawImageValidator.requireBootable(disk)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a bootable raw disk");
    }

    @Test
    void shortDataAndBadPartitionFlagsAreRejected() {
        assertThat(RawImageValidator.check(new byte[100], 100).reason()).hasValueSatisfying(s -> assertThat(s).contains("only 100 bytes"));
        byte[] bad = mbr();
        bad[446 + 16] = 0x12;
        assertThat(RawImageValidator.check(bad, 512).reason()).hasValueSatisfying(s -> assertThat(s).contains("partition entry 2"));
    }

    @Test
    void aRemoteUrlIsCheckedWithOneRangeRequest() throws Exception {
        try (MockGlance remote = new MockGlance()) {
            byte[] sector = java.util.Arrays.copyOf(mbr(), 512);
            remote.enqueue(new MockResponse.Builder().code(206).addHeader("Content-Range", "bytes 0-511/4096")
                    .body(new Buffer().write(sector)).build());
            remote.enqueue(new MockResponse.Builder().code(200).body("<html>not a disk</html>" + "x".repeat(600)).build());
            OkHttpClient http = new OkHttpClient();

            assertThat(RawImageValidator.check(http, remote.server.url("/disk.raw").uri()).isValid()).isTrue();
            assertThat(remote.take().getHeaders().get("Range")).isEqualTo("bytes=0-511");
            assertThat(RawImageValidator.check(http, remote.server.url("/page").uri()).reason())
                    .hasValueSatisfying(s -> assertThat(s).contains("no MBR boot signature"));
        }
    }
}
