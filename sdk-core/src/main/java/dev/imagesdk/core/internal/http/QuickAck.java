package dev.imagesdk.core.internal.http;

import jdk.net.ExtendedSocketOptions;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;

import java.net.Socket;

/**
 * Asks the kernel to acknowledge a response's first segments at once ({@code TCP_QUICKACK}, Linux) each
 * time a request on a kept-alive connection has been sent and its response is awaited.
 *
 * <p>Why: Glance's eventlet server writes a response's headers and its body in two {@code send} calls
 * and leaves Nagle's algorithm on, so the body waits until the client acknowledges the headers. On a
 * connection that is reused, Linux treats the client as interactive and delays that acknowledgement by
 * up to 40 ms, hoping to piggyback it on data the client will send. Every request of a listing that
 * follows {@code next} on one connection paid those 40 ms (measured against Glance 25.1 on loopback:
 * {@code curl -w} first byte to last byte 40–45 ms on a kept-alive connection, under 1 ms on a new one).
 * Setting the option right before reading the response makes the kernel acknowledge immediately (and
 * send an acknowledgement it was holding); it lasts until the next request. Where the platform or the
 * socket does not offer the option, nothing is done.
 */
public final class QuickAck extends EventListener {
    /** One listener per call. */
    public static final EventListener.Factory FACTORY = call -> new QuickAck();

    private Socket socket;

    QuickAck() {
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        socket = connection.socket();
    }

    @Override
    public void connectionReleased(Call call, Connection connection) {
        socket = null;
    }

    @Override
    public void responseHeadersStart(Call call) {
        Socket s = socket;
        if (s != null) {
            set(s);
        }
    }

    /** Sets {@code TCP_QUICKACK} on {@code socket} when it supports the option; never throws. */
    static void set(Socket socket) {
        try {
            if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK)) {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, Boolean.TRUE);
            }
        } catch (Exception | LinkageError e) {
            // an optimisation only: a closed socket, a TLS socket that cannot pass the option on
        }
    }
}
