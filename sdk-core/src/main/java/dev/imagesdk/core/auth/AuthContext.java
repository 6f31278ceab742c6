package dev.imagesdk.core.auth;

import com.squareup.moshi.Moshi;
import okhttp3.OkHttpClient;

/** What the transport lends an {@link Auth} that has to call an identity service. */
public interface AuthContext {

    /** The client's HTTP client (shared pools, proxy, TLS and timeouts; does not follow redirects). */
    OkHttpClient httpClient();

    /** The SDK's JSON codec. */
    Moshi moshi();

    /** The {@code User-Agent} the SDK sends. */
    String userAgent();
}
