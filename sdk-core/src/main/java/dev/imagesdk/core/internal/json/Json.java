package dev.imagesdk.core.internal.json;

import com.squareup.moshi.Moshi;

import java.time.Instant;

/** The SDK's shared JSON configuration: Moshi with timestamp and open-enum adapters. */
public final class Json {
    private static final Moshi MOSHI = configure(new Moshi.Builder()).build();

    private Json() {
    }

    /** The shared, thread-safe Moshi instance with the SDK's adapters installed. */
    public static Moshi moshi() {
        return MOSHI;
    }

    /** Adds the SDK's adapters (timestamps, open enums) to a builder, for modules that add their own. */
    public static Moshi.Builder configure(Moshi.Builder builder) {
        return builder.add(Instant.class, new InstantJsonAdapter().nullSafe())
                .add(new OpenEnumJsonAdapterFactory());
    }
}
