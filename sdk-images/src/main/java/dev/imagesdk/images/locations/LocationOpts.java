package dev.imagesdk.images.locations;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One location to add to an image: the URL of its data in a store Glance knows (for a project, an
 * {@code http(s)} URL of the read-only http store: Glance refuses {@code file} and {@code swift+config}
 * locations from users), the store metadata, and optionally the data's hashes. Glance trusts the hashes:
 * it records them as the image's {@code checksum}/{@code os_hash_value} while the image has none and does
 * not read the data to check them.
 */
public final class LocationOpts {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private final String url;
    private final Map<String, Object> metadata;
    private final String hashAlgorithm;
    private final String hashValue;
    private final String checksum;

    private LocationOpts(Builder b) {
        this.url = b.url;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        this.hashAlgorithm = b.hashAlgorithm;
        this.hashValue = b.hashValue;
        this.checksum = b.checksum;
    }

    /** A location at {@code url} with no metadata and no hashes. */
    public static LocationOpts of(String url) {
        return builder().url(url).build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The location URL. */
    public String url() {
        return url;
    }

    /** Store metadata sent with the location (Glance adds {@code store} itself when it has several). */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** The hash algorithm of {@link #hashValue()} ({@code os_hash_algo}), if given. */
    public Optional<String> hashAlgorithm() {
        return Optional.ofNullable(hashAlgorithm);
    }

    /** The data's hash ({@code os_hash_value}), lower-case hex, if given. */
    public Optional<String> hashValue() {
        return Optional.ofNullable(hashValue);
    }

    /** The data's MD5 ({@code checksum}), lower-case hex, if given. */
    public Optional<String> checksum() {
        return Optional.ofNullable(checksum);
    }

    /** Whether any hash is given ({@code validation_data} is sent). */
    public boolean hasValidationData() {
        return hashValue != null || checksum != null;
    }

    @Override
    public String toString() {
        return "LocationOpts{" + url + (metadata.isEmpty() ? "" : ", metadata=" + metadata.keySet()) + "}";
    }

    /** Builds {@link LocationOpts}. */
    public static final class Builder {
        private String url;
        private final Map<String, Object> metadata = new LinkedHashMap<>();
        private String hashAlgorithm;
        private String hashValue;
        private String checksum;

        private Builder() {
        }

        /**
         * The location URL: absolute, with a scheme (and a host for http and https).
         *
         * @throws ValidationException for anything else
         */
        public Builder url(String url) {
            Arguments.notBlank(url, "location url");
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new ValidationException("location url is not a URL: " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.isEmpty() || ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() == null)) {
                throw new ValidationException("location url must be absolute (http://host/path), was " + url);
            }
            this.url = url;
            return this;
        }

        /** One metadata entry (a JSON value: string, number, boolean, list, map or {@code null}). */
        public Builder metadata(String key, Object value) {
            metadata.put(Arguments.notBlank(key, "metadata key"), value);
            return this;
        }

        /**
         * The data's hash as Glance computes it ({@code hashing_algorithm}, {@code sha512} by default).
         *
         * @throws ValidationException for a blank algorithm or a value that is not hex
         */
        public Builder hash(String algorithm, String value) {
            String algo = Arguments.notBlank(algorithm, "hash algorithm").toLowerCase(Locale.ROOT);
            String hex = hex(value, "hash value");
            Integer bytes = digestBytes(algo);
            if (bytes != null && hex.length() != 2 * bytes) {
                throw new ValidationException("a " + algo + " hash has " + 2 * bytes + " hex digits, this one "
                        + hex.length());
            }
            this.hashAlgorithm = algo;
            this.hashValue = hex;
            return this;
        }

        /**
         * The data's MD5, Glance's {@code checksum}.
         *
         * @throws ValidationException unless 32 hex digits
         */
        public Builder checksum(String md5) {
            String hex = hex(md5, "checksum");
            if (hex.length() != 32) {
                throw new ValidationException("checksum must be an MD5 of 32 hex digits, was " + hex.length());
            }
            this.checksum = hex;
            return this;
        }

        /**
         * The options.
         *
         * @throws ValidationException without a URL
         */
        public LocationOpts build() {
            if (url == null) {
                throw new ValidationException("a location needs a url");
            }
            return new LocationOpts(this);
        }

        private static String hex(String value, String what) {
            Arguments.notBlank(value, what);
            if (!HEX.matcher(value).matches() || value.length() % 2 != 0) {
                throw new ValidationException(what + " must be hex digits, was '" + value + "'");
            }
            return value.toLowerCase(Locale.ROOT);
        }

        private static Integer digestBytes(String algo) {
            switch (algo) {
                case "md5": return 16;
                case "sha1": return 20;
                case "sha224": case "sha3_224": return 28;
                case "sha256": case "sha3_256": return 32;
                case "sha384": case "sha3_384": return 48;
                case "sha512": case "sha3_512": return 64;
                default: return null;
            }
        }
    }
}
