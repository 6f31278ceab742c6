package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.error.TransportException;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * One log line per exchange on the logger {@code dev.imagesdk.http}: method, URL (secrets
 * redacted), status, time and request id at DEBUG; the headers, credentials redacted, at TRACE.
 * Innermost step, so redirects and replays are logged one by one.
 */
public final class Logging implements Step {
    static final Logger LOG = LoggerFactory.getLogger("dev.imagesdk.http");

    private final RequestHeaders headers;

    /** @param headers to show at TRACE what is sent */
    public Logging(RequestHeaders headers) {
        this.headers = headers;
    }

    @Override
    public Response handle(Exchange exchange, Chain next) {
        String method = exchange.method();
        String safeUrl = exchange.safeUrl();
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} headers {}", method, safeUrl, Redaction.headers(headers.headersFor(exchange)));
        }
        long start = System.nanoTime();
        try {
            Response response = next.proceed(exchange);
            if (LOG.isDebugEnabled()) {
                String id = ErrorMapping.requestId(response);
                LOG.debug("{} {} -> {} ({} ms, {})", method, safeUrl, response.code(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), id == null ? "no request id" : id);
            }
            return response;
        } catch (TransportException e) {
            LOG.debug("{} {} -> failed after {} ms: {}", method, safeUrl,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    e.getCause() == null ? e.getMessage() : e.getCause().toString());
            throw e;
        }
    }
}
