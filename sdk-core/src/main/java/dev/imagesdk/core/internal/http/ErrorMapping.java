package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.PayloadTooLargeException;
import dev.imagesdk.core.error.RangeNotSatisfiableException;
import dev.imagesdk.core.error.RateLimitedException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ServiceResponseException;
import dev.imagesdk.core.error.UnauthorizedException;
import dev.imagesdk.core.error.UnsupportedFeatureException;
import dev.imagesdk.core.error.UnsupportedMediaTypeException;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Turns every error status into its typed {@link ServiceResponseException}: the server's sentence
 * from the error body ({@link ErrorBodies}), the request id, and the response headers without
 * credentials. Statuses the exchange accepts (for example 300 for version discovery) pass through.
 */
public final class ErrorMapping implements Step {
    private static final int MAX_ERROR_BODY = 64 * 1024;

    @Override
    public Response handle(Exchange exchange, Chain next) {
        Response response = next.proceed(exchange);
        if (response.isSuccessful() || exchange.acceptedStatuses().contains(response.code())) {
            return response;
        }
        ServiceResponseException error = map(response, exchange.method(), exchange.safeUrl(), null);
        for (ApiRequest.SwitchedOff off : exchange.request().switchedOff()) {
            if (off.matches(error)) {
                throw new UnsupportedFeatureException(off.feature().description(), "2." + off.feature().minor(), error);
            }
        }
        throw error;
    }

    /** The server's request id ({@code X-Openstack-Request-Id}, or Nova's {@code X-Compute-Request-Id}). */
    public static String requestId(Response response) {
        String id = response.header(RequestHeaders.REQUEST_ID);
        return id != null ? id : response.header("X-Compute-Request-Id");
    }

    /**
     * Reads (a bounded part of) the error body, closes the response, and builds the typed exception.
     *
     * @param note what the SDK adds to the server's message, or {@code null}
     */
    public static ServiceResponseException map(Response response, String method, String safeUrl, String note) {
        byte[] bytes;
        String contentType;
        try (ResponseBody body = response.body()) {
            contentType = body.contentType() == null ? response.header("Content-Type") : body.contentType().toString();
            BufferedSource source = body.source();
            source.request(MAX_ERROR_BODY);
            long n = Math.min(source.getBuffer().size(), MAX_ERROR_BODY);
            bytes = source.readByteArray(n);
        } catch (IOException e) {
            bytes = new byte[0];
            contentType = null;
        }
        String message = ErrorBodies.message(contentType, bytes);
        if (note != null) {
            message = message == null ? note : message + " (" + note + ")";
        }
        Headers headers = Retry.restoreRetryAfter(response.headers());
        return toException(response.code(), message, method, safeUrl, requestId(response), Redaction.withoutSecrets(headers));
    }

    /** The exception type for an error status. */
    public static ServiceResponseException toException(int status, String message, String method, String url,
                                                       String requestId, Map<String, List<String>> headers) {
        switch (status) {
            case 400: return new BadRequestException(message, method, url, requestId, headers);
            case 401: return new UnauthorizedException(message, method, url, requestId, headers);
            case 403: return new ForbiddenException(message, method, url, requestId, headers);
            case 404: return new NotFoundException(message, method, url, requestId, headers);
            case 409: return new ConflictException(message, method, url, requestId, headers);
            case 413: return new PayloadTooLargeException(message, method, url, requestId, headers);
            case 415: return new UnsupportedMediaTypeException(message, method, url, requestId, headers);
            case 416: return new RangeNotSatisfiableException(message, method, url, requestId, headers);
            case 429: {
                List<String> ra = headers.get("Retry-After");
                return new RateLimitedException(message, method, url, requestId, headers,
                        Retry.retryAfter(ra == null || ra.isEmpty() ? null : ra.get(0)));
            }
            default:
                if (status >= 500 && status <= 599) {
                    return new ServerException(status, message, method, url, requestId, headers);
                }
                return new ServiceResponseException(status, message, method, url, requestId, headers);
        }
    }
}
