package dev.imagesdk.core.internal.http;

import jdk.net.ExtendedSocketOptions;
import okhttp3.Connection;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Route;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class QuickAckTest {
    /** A socket that records the options set on it. */
    static final class RecordingSocket extends Socket {
        final List<String> set = new ArrayList<>();
        final boolean supports;
        final boolean fails;

        RecordingSocket(boolean supports, boolean fails) {
            this.supports = supports;
            this.fails = fails;
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return supports ? Set.of(ExtendedSocketOptions.TCP_QUICKACK) : Set.of();
        }

        @Override
        public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
            if (fails) {
                throw new IOException("socket closed");
            }
            set.add(name.name() + "=" + value);
            return this;
        }
    }

    private static Connection connection(Socket socket) {
        return new Connection() {
            @Override
            public Route route() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket socket() {
                return socket;
            }

            @Override
            public Handshake handshake() {
                return null;
            }

            @Override
            public Protocol protocol() {
                return Protocol.HTTP_1_1;
            }
        };
    }

    @Test
    void setsQuickAckOnTheCallsSocketEachTimeAResponseIsAwaited() {
        RecordingSocket socket = new RecordingSocket(true, false);
        QuickAck listener = new QuickAck();
        listener.connectionAcquired(null, connection(socket));
        assertThat(socket.set).isEmpty();
        listener.responseHeadersStart(null);
        listener.responseHeadersStart(null);
        assertThat(socket.set).containsExactly("TCP_QUICKACK=true", "TCP_QUICKACK=true");
        listener.connectionReleased(null, connection(socket));
        listener.responseHeadersStart(null);
        assertThat(socket.set).hasSize(2);
    }

    @Test
    void doesNothingWhereTheOptionIsMissingOrFails() {
        RecordingSocket unsupported = new RecordingSocket(false, false);
        QuickAck listener = new QuickAck();
        listener.connectionAcquired(null, connection(unsupported));
        listener.responseHeadersStart(null);
        assertThat(unsupported.set).isEmpty();

        QuickAck failing = new QuickAck();
        failing.connectionAcquired(null, connection(new RecordingSocket(true, true)));
        assertThatCode(() -> failing.responseHeadersStart(null)).doesNotThrowAnyException();
        assertThatCode(() -> new QuickAck().responseHeadersStart(null)).as("no connection yet").doesNotThrowAnyException();
    }
}
