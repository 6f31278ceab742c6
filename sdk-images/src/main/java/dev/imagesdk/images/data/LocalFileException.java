package dev.imagesdk.images.data;

import dev.imagesdk.core.error.ImageServiceException;

/** Reading or writing a local file or stream failed (not the network, not the server). */
public class LocalFileException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the file
     * @param cause the I/O failure
     */
    public LocalFileException(String message, Throwable cause) {
        super(message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), null, null, null, cause);
    }
}
