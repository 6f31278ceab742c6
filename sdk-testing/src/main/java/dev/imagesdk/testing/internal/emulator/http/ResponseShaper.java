package dev.imagesdk.testing.internal.emulator.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Changes how a response body reaches the client: unchanged, cut off with the connection, or cleanly short. */
public interface ResponseShaper {
    /** Leaves bodies alone. */
    ResponseShaper NONE = new ResponseShaper() {
        @Override
        public OutputStream wrap(OutputStream body, String method, String path) {
            return body;
        }

        @Override
        public boolean forcesChunked() {
            return false;
        }
    };

    /** The stream the handler writes the body to. */
    OutputStream wrap(OutputStream body, String method, String path);

    /** {@code true} when the body must be sent chunked (so that a short body still ends cleanly). */
    boolean forcesChunked();

    /** Sends the first {@code bytes} bytes, then closes the connection without finishing the response. */
    static ResponseShaper dropAfter(long bytes) {
        return new ResponseShaper() {
            @Override
            public OutputStream wrap(OutputStream body, String method, String path) {
                return new Limited(body, bytes, true);
            }

            @Override
            public boolean forcesChunked() {
                return false;
            }
        };
    }

    /** Sends the first {@code bytes} bytes and ends the (chunked) response normally: a short, well-formed body. */
    static ResponseShaper truncateAfter(long bytes) {
        return new ResponseShaper() {
            @Override
            public OutputStream wrap(OutputStream body, String method, String path) {
                return new Limited(body, bytes, false);
            }

            @Override
            public boolean forcesChunked() {
                return true;
            }
        };
    }

    /** Thrown to make the JDK server close the connection in the middle of a response. */
    final class ConnectionDrop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A drop described by {@code message} (no stack trace: it is control flow). */
        public ConnectionDrop(String message) {
            super(message, null, false, false);
        }
    }

    /** Passes through up to a limit, then drops the connection or swallows the rest. */
    final class Limited extends FilterOutputStream {
        private long remaining;
        private final boolean drop;
        private boolean dropped;

        Limited(OutputStream out, long limit, boolean drop) {
            super(out);
            this.remaining = limit;
            this.drop = drop;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, remaining);
            if (n > 0) {
                out.write(b, off, n);
                remaining -= n;
            }
            if (n < len && drop) {
                out.flush();
                dropped = true;
                throw new ConnectionDrop("fault: connection dropped mid-body");
            }
        }

        @Override
        public void close() throws IOException {
            if (dropped) {
                return; // closing would finish the response cleanly; the server drops the connection instead
            }
            out.close();
        }
    }
}
