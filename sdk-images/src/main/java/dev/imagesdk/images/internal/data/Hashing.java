package dev.imagesdk.images.internal.data;

import dev.imagesdk.core.internal.HashAlgorithms;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Maps Glance's hash algorithm names ({@code os_hash_algo}) to JDK digests. */
public final class Hashing {
    private Hashing() {
    }

    /** The JDK name for a Glance algorithm name ({@code sha512} → {@code SHA-512}), or {@code null} when unknown. */
    public static String jdkName(String glanceName) {
        return HashAlgorithms.jdkName(glanceName);
    }

    /** A new digest for a JDK algorithm name (all names {@link #jdkName} returns exist in every JDK 17). */
    public static MessageDigest digest(String jdkName) {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jdkName, e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
