package dev.imagesdk.core;

import dev.imagesdk.core.config.TlsOptions;
import dev.imagesdk.core.internal.http.QuickAck;
import dev.imagesdk.core.internal.tls.TlsSetup;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

import java.net.Proxy;
import java.time.Duration;

/**
 * Assembles the OkHttp client a {@link ServiceClient} sends through: derived from the caller's client
 * or a new one, never following redirects itself (the SDK's pipeline does, under the origin rule),
 * with the builder's timeouts, proxy, proxy authentication and TLS settings. OkHttp's call timeout is
 * always off: it would limit each attempt, and a download's whole body, while the SDK's operation
 * deadline covers all attempts (see {@code ServiceClient.Builder.callTimeout}).
 */
final class HttpClientAssembly {
    private final OkHttpClient.Builder builder;

    /** @param callerClient the application's client to share pools with, or {@code null} for a new one */
    HttpClientAssembly(OkHttpClient callerClient) {
        this.builder = (callerClient == null ? new OkHttpClient() : callerClient).newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .callTimeout(Duration.ZERO);
        if (callerClient == null) {
            // Immediate acknowledgements of responses on kept-alive connections (see QuickAck). A caller's client
            // keeps its own event listener: OkHttp has room for one.
            builder.eventListenerFactory(QuickAck.FACTORY);
        }
    }

    /**
     * Connect, read and write timeout (a caller's client keeps its own unless these are set). OkHttp's
     * call timeout is turned off: it would limit each attempt, and a download's whole body; the SDK's
     * operation deadline replaces it.
     */
    HttpClientAssembly timeouts(Duration connect, Duration read, Duration write) {
        builder.connectTimeout(connect).readTimeout(read).writeTimeout(write).callTimeout(Duration.ZERO);
        return this;
    }

    /**
     * @param proxy an HTTP(S) proxy, or {@code null}
     * @param user user for a proxy that answers 407, or {@code null}
     * @param password that user's password
     */
    HttpClientAssembly proxy(Proxy proxy, String user, String password) {
        if (proxy != null) {
            builder.proxy(proxy);
        }
        if (user != null) {
            String credential = Credentials.basic(user, password);
            builder.proxyAuthenticator((route, response) -> {
                if (response.request().header("Proxy-Authorization") != null) {
                    return null;
                }
                return response.request().newBuilder().header("Proxy-Authorization", credential).build();
            });
        }
        return this;
    }

    /** The TLS settings. */
    HttpClientAssembly tls(TlsOptions tls) {
        TlsSetup.apply(tls, builder);
        return this;
    }

    /** The client. */
    OkHttpClient build() {
        return builder.build();
    }
}
