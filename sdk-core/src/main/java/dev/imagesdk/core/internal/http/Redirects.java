package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.auth.AuthHeaders;
import dev.imagesdk.core.error.TransportException;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Follows redirects (301, 302, 303, 307, 308) itself, at most {@value #MAX_REDIRECTS} hops, under the
 * origin rule: credentials go only to the scheme, host and port the request was meant for. 303, and
 * 301/302 after a POST, continue as a GET without body; a one-shot body is never sent twice. Too many
 * redirects, or an unusable {@code Location}, is a {@link TransportException}: the exchange produced
 * no answer.
 */
public final class Redirects implements Step {
    /** Hops followed at most. */
    public static final int MAX_REDIRECTS = 5;

    @Override
    public Response handle(Exchange exchange, Chain next) {
        Response response = next.proceed(exchange);
        Exchange current = exchange;
        for (int hops = 0; isRedirect(response.code()) && response.header("Location") != null; hops++) {
            String location = response.header("Location");
            if (hops == MAX_REDIRECTS) {
                response.close();
                throw new RedirectFailure("Too many redirects: more than " + MAX_REDIRECTS + " (a redirect loop?)",
                        current);
            }
            HttpUrl target = current.url().resolve(location);
            if (target == null) {
                response.close();
                throw new RedirectFailure("Redirect to an unusable location", current);
            }
            int code = response.code();
            String method = current.method();
            RequestBody body = current.body();
            if (code == 303 || ((code == 301 || code == 302) && "POST".equals(method))) {
                method = "HEAD".equals(method) ? "HEAD" : "GET";
                body = null;
            } else if (body != null && body.isOneShot()) {
                response.close();
                throw new RedirectFailure("Redirected (" + code + "), but the request body was a one-shot stream "
                        + "and cannot be sent again", current);
            }
            response.close();
            boolean sameOrigin = Origins.same(exchange.url(), target);
            Exchange hop = current.redirectedTo(method, target, body)
                    .withCredentials(sameOrigin ? exchange.credentials() : AuthHeaders.none());
            if (!sameOrigin) {
                Logging.LOG.debug("redirect from {} to another origin {}: credentials are not sent there",
                        current.safeUrl(), hop.safeUrl());
            }
            current = hop;
            response = next.proceed(current);
        }
        return response;
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    /** A redirect chain that leads nowhere; never retried. */
    static final class RedirectFailure extends TransportException {
        private static final long serialVersionUID = 1L;

        RedirectFailure(String message, Exchange at) {
            super(message, at.method(), at.safeUrl(), null, false);
        }
    }
}
