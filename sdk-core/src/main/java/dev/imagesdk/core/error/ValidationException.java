package dev.imagesdk.core.error;

/** The caller's input is invalid; thrown before any request is sent. */
public class ValidationException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    /** @param message which argument is wrong and why */
    public ValidationException(String message) {
        super(message);
    }

    /**
     * @param message which argument is wrong and why
     * @param cause the exception that showed the input to be invalid (for example a parser's)
     */
    public ValidationException(String message, Throwable cause) {
        super(message, null, null, null, cause);
    }
}
