package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.error.TransportException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;

/**
 * The end of the pipeline: one HTTP exchange through OkHttp (which neither follows redirects nor
 * retries on its own). An I/O failure becomes a {@link TransportException} that says whether a
 * connection was made at all. The call is handed to the {@link OperationScope}, which cancels it when
 * the operation's deadline passes or its thread is interrupted.
 */
public final class NetworkCall implements Step.Chain {
    private final OkHttpClient http;
    private final RequestHeaders headers;

    /**
     * @param http a client that does not follow redirects
     * @param headers the headers every request carries
     */
    public NetworkCall(OkHttpClient http, RequestHeaders headers) {
        this.http = http;
        this.headers = headers;
    }

    @Override
    public Response proceed(Exchange exchange) {
        String method = exchange.method();
        RequestBody body = exchange.body();
        if (body == null && ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))) {
            body = RequestBody.create(new byte[0], null);
        }
        Request request = new Request.Builder().url(exchange.url()).headers(headers.headersFor(exchange))
                .method(method, body).build();
        OperationScope.checkpoint(method, exchange.safeUrl(), null);
        Call call = http.newCall(request);
        OperationScope.attach(call);
        try {
            return call.execute();
        } catch (IOException e) {
            TransportException stopped = OperationScope.failure(e, method, exchange.safeUrl());
            if (stopped != null) {
                throw stopped;
            }
            boolean connect = isConnectFailure(e);
            String what = connect ? "Could not connect" : (e instanceof InterruptedIOException ? "Timed out" : "Connection failed");
            throw new TransportException(what + ": " + e.getMessage(), method, exchange.safeUrl(), e, connect);
        }
    }

    /** {@code true} when {@code e} says no connection was made (refused, no route, connect timeout). */
    static boolean isConnectFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).toLowerCase().contains("connect")) {
                return true;
            }
        }
        return false;
    }
}
