package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.auth.AuthContext;
import dev.imagesdk.core.auth.AuthHeaders;
import okhttp3.Response;

/**
 * Puts the {@link dev.imagesdk.core.auth.Auth}'s credentials into the exchange, and after a 401 to
 * a request that carried credentials, lets the Auth renew them and replays the request once (only
 * when its body can be sent again; otherwise the 401 is reported with the reason).
 */
public final class Authentication implements Step {
    private final AuthContext context;

    /** @param context what an Auth that calls an identity service may use */
    public Authentication(AuthContext context) {
        this.context = context;
    }

    @Override
    public Response handle(Exchange exchange, Chain next) {
        AuthHeaders credentials = exchange.auth().headers(context);
        Response response = next.proceed(exchange.withCredentials(credentials));
        if (response.code() != 401 || credentials.asMap().isEmpty()
                || !Origins.same(exchange.url(), response.request().url())) {
            return response;
        }
        if (!exchange.auth().refreshAfterUnauthorized(context, credentials)) {
            return response;
        }
        if (!exchange.isReplayable()) {
            throw ErrorMapping.map(response, exchange.method(), exchange.safeUrl(),
                    "credentials were renewed, but the request body was a one-shot stream and cannot be "
                            + "sent again; repeat the call with a replayable body (a file)");
        }
        response.close();
        Logging.LOG.debug("replaying {} {} with renewed credentials", exchange.method(), exchange.safeUrl());
        return next.proceed(exchange.withCredentials(exchange.auth().headers(context)));
    }
}
