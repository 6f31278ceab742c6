package dev.imagesdk.core.error;

/** The caller's input is invalid; thrown before any request is sent. */
public class ValidationException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    /** @param message which argument is wrong and why */
    public ValidationException(String message) {
        super(message);
    }
}
