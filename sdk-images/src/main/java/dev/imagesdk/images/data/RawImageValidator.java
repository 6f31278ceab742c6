package dev.imagesdk.images.data;

import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.ValidationException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An opt-in, deliberately conservative check that data is a bootable raw disk: its first 512 bytes
 * must be a Master Boot Record — boot signature {@code 55 AA} at offsets 510-511 and each of the four
 * partition entries marked inactive ({@code 0x00}) or active ({@code 0x80}). A GPT disk passes (its
 * protective MBR is valid); qcow2, VHD, VMDK, ISO and archive data fail, with the reason.
 *
 * <p>Checks a local file or, before a web-download import, a remote URL with a single
 * {@code Range: bytes=0-511} request (no credentials are sent to that URL).
 */
public final class RawImageValidator {
    /** Bytes examined. */
    public static final int SECTOR = 512;

    private RawImageValidator() {
    }

    /** The outcome of a check: valid, or the reason why not. */
    public static final class Result {
        private final String reason;

        private Result(String reason) {
            this.reason = reason;
        }

        /** {@code true} when the data starts with a valid MBR. */
        public boolean isValid() {
            return reason == null;
        }

        /** Why the data was rejected; empty when valid. */
        public Optional<String> reason() {
            return Optional.ofNullable(reason);
        }

        @Override
        public String toString() {
            return reason == null ? "valid MBR" : "invalid: " + reason;
        }
    }

    /** Checks the first sector of some data (at least 512 bytes expected). */
    public static Result check(byte[] firstBytes, int length) {
        Arguments.notNull(firstBytes, "firstBytes");
        if (length < SECTOR) {
            return new Result("only " + length + " bytes of data; a raw disk image starts with a 512-byte boot sector");
        }
        String known = knownFormat(firstBytes, length);
        if ((firstBytes[510] & 0xff) != 0x55 || (firstBytes[511] & 0xff) != 0xAA) {
            return new Result(String.format("no MBR boot signature: bytes 510-511 are %02x %02x, not 55 aa%s",
                    firstBytes[510] & 0xff, firstBytes[511] & 0xff, known == null ? "" : " (the data looks like " + known + ")"));
        }
        for (int entry = 0; entry < 4; entry++) {
            int flag = firstBytes[446 + entry * 16] & 0xff;
            if (flag != 0x00 && flag != 0x80) {
                return new Result(String.format("partition entry %d has boot flag %02x (must be 00 or 80): not a valid MBR",
                        entry + 1, flag));
            }
        }
        return new Result(null);
    }

    private static String knownFormat(byte[] b, int length) {
        if (length >= 4 && b[0] == 'Q' && b[1] == 'F' && b[2] == 'I' && (b[3] & 0xff) == 0xfb) {
            return "qcow2";
        }
        if (length >= 4 && b[0] == 'K' && b[1] == 'D' && b[2] == 'M' && b[3] == 'V') {
            return "VMDK";
        }
        if (length >= 8 && new String(b, 0, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("conectix")) {
            return "VHD";
        }
        if (length >= 8 && new String(b, 0, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("vhdxfile")) {
            return "VHDX";
        }
        if (length >= 3 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            return "gzip";
        }
        return null;
    }

    /** Checks a local file. */
    public static Result check(Path file) {
        byte[] sector = new byte[SECTOR];
        int filled = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (filled < SECTOR) {
                int n = in.read(sector, filled, SECTOR - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (IOException e) {
            throw new LocalFileException("cannot read " + file, e);
        }
        return check(sector, filled);
    }

    /**
     * Checks remote data by fetching its first 512 bytes with one {@code Range} request (redirects are
     * followed, as the image service itself would). A server that ignores the range is read only as far
     * as needed.
     *
     * @param client the client whose HTTP settings (proxy, TLS, timeouts) are used; its image-service
     *               credentials are <em>not</em> sent to {@code url}
     * @throws TransportException when the URL cannot be read
     */
    public static Result check(ServiceClient client, URI url) {
        return check(Calls.of(Arguments.notNull(client, "client")).transport().httpClient(), url);
    }

    /** {@link #check(ServiceClient, URI)} with a plain HTTP client (no credentials are added). */
    static Result check(OkHttpClient http, URI url) {
        HttpUrl parsed = HttpUrl.parse(Arguments.notNull(url, "url").toString());
        if (parsed == null) {
            throw new ValidationException("not an http(s) URL: " + url);
        }
        Request request = new Request.Builder().url(parsed).header("Range", "bytes=0-" + (SECTOR - 1)).get().build();
        OkHttpClient following = http.newBuilder().followRedirects(true).followSslRedirects(true).build();
        try (Response response = following.newCall(request).execute()) {
            if (response.code() != 200 && response.code() != 206) {
                return new Result("fetching the first bytes of " + parsed.redact() + " failed with HTTP " + response.code());
            }
            ResponseBody body = response.body();
            BufferedSource source = body.source();
            byte[] sector = new byte[SECTOR];
            int filled = 0;
            while (filled < SECTOR) {
                int n = source.read(sector, filled, SECTOR - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            return check(sector, filled);
        } catch (IOException e) {
            throw new TransportException("reading the first bytes of " + parsed.redact() + " failed", "GET",
                    parsed.redact(), e, false);
        }
    }

    /**
     * Like {@link #check(Path)} but throws.
     *
     * @throws ValidationException with the reason when the file is not a bootable raw disk
     */
    public static void requireBootable(Path file) {
        Result r = check(file);
        if (!r.isValid()) {
            throw new ValidationException(file + " is not a bootable raw disk image: " + r.reason().orElse(""));
        }
    }

    /**
     * Like {@link #check(ServiceClient, URI)} but throws.
     *
     * @throws ValidationException with the reason when the data is not a bootable raw disk
     */
    public static void requireBootable(ServiceClient client, URI url) {
        Result r = check(client, url);
        if (!r.isValid()) {
            throw new ValidationException(HttpUrl.get(url.toString()).redact() + " is not a bootable raw disk image: "
                    + r.reason().orElse(""));
        }
    }
}
