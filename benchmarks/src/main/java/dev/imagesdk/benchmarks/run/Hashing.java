package dev.imagesdk.benchmarks.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-512 helpers (the JVM's MessageDigest, one core). */
public final class Hashing {
    private Hashing() {
    }

    /** A fresh SHA-512 digest. */
    public static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex SHA-512 of a file, read with a 1 MiB buffer. */
    public static String sha512Hex(Path file) throws IOException {
        MessageDigest md = sha512();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Hex SHA-512 of {@code data}, fed to the digest in 1 MiB slices (the in-memory rate limit). */
    public static String sha512Hex(byte[] data) {
        MessageDigest md = sha512();
        for (int off = 0; off < data.length; off += 1 << 20) {
            md.update(data, off, Math.min(1 << 20, data.length - off));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
