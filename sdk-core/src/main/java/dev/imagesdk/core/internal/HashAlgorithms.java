package dev.imagesdk.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The hash algorithms Glance names in {@code os_hash_algo} (Python hashlib's names), mapped to JDK digests;
 * one table for reading an image's metadata and for checking a caller's expected hash.
 */
public final class HashAlgorithms {
    /** The names {@link #glanceName} accepts, as Glance spells them. */
    public static final String NAMES = "md5, sha1, sha224, sha256, sha384, sha512, sha3_224, sha3_256, sha3_384, sha3_512";

    private HashAlgorithms() {
    }

    /**
     * The JDK name for a Glance algorithm name, in any case, with or without {@code -}/{@code _}
     * ({@code sha512}, {@code SHA-512} → {@code SHA-512}), or {@code null} when unknown.
     */
    public static String jdkName(String name) {
        if (name == null) {
            return null;
        }
        String a = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (a) {
            case "md5":
                return "MD5";
            case "sha1":
                return "SHA-1";
            case "sha224":
                return "SHA-224";
            case "sha256":
                return "SHA-256";
            case "sha384":
                return "SHA-384";
            case "sha512":
                return "SHA-512";
            case "sha3224":
                return "SHA3-224";
            case "sha3256":
                return "SHA3-256";
            case "sha3384":
                return "SHA3-384";
            case "sha3512":
                return "SHA3-512";
            default:
                return null;
        }
    }

    /**
     * The name Glance gives an algorithm ({@code SHA-256}, {@code sha_256} → {@code sha256}; {@code SHA3-512}
     * → {@code sha3_512}), or {@code null} when unknown.
     */
    public static String glanceName(String name) {
        String jdk = jdkName(name);
        return jdk == null ? null : jdk.toLowerCase(Locale.ROOT).replace("sha3-", "sha3_").replace("-", "");
    }

    /** The length in bytes of a digest of a JDK algorithm ({@code SHA-512} → 64). */
    public static int digestLength(String jdkName) {
        try {
            return MessageDigest.getInstance(jdkName).getDigestLength();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jdkName, e);
        }
    }
}
