package de.ozgkit.core;

/**
 * No usable response was received: the request could not be sent, the connection failed or timed
 * out, the TLS handshake failed, the client is misconfigured, or a value given to a call cannot be
 * sent.
 *
 * <p>{@link #kind()} says which, {@link #attempts()} how many attempts were made.
 */
public class OzgClientException extends OzgException {
    private static final long serialVersionUID = 1L;

    /** What kind of client-side failure occurred. */
    public enum Kind {
        /** An I/O failure: connection refused or reset, the answer cut short, DNS failure. */
        IO,
        /** The connect or read timeout elapsed. */
        TIMEOUT,
        /** The TLS handshake failed: untrusted or expired certificate, client certificate refused. */
        TLS,
        /** The client configuration is unusable (missing base URI, unreadable key material ...). */
        CONFIGURATION,
        /** The server answered, but the answer could not be read as the protocol requires. */
        PROTOCOL,
        /**
         * A value given to ozgkit is not valid: it cannot be sent as it is (an id of dots only, which
         * would change the request path, a header value with a line break) or breaks the rules of
         * its type (a currency that is not an ISO 4217 code); nothing was sent.
         */
        INVALID_ARGUMENT
    }

    private final Kind kind;
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param kind     the kind of failure
     * @param message  what went wrong and how to fix it
     * @param cause    the underlying failure, may be {@code null}
     * @param attempts how many attempts were made (0 when nothing was sent)
     */
    public OzgClientException(Kind kind, String message, Throwable cause, int attempts) {
        super(message + (attempts > 0 ? " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)") : ""),
                cause);
        this.kind = kind;
        this.attempts = attempts;
    }

    /**
     * Creates a configuration error; nothing was sent.
     *
     * @param message what is wrong with the configuration and how to fix it
     * @return the exception
     */
    public static OzgClientException configuration(String message) {
        return new OzgClientException(Kind.CONFIGURATION, message, null, 0);
    }

    /**
     * Creates an invalid-argument error; nothing was sent.
     *
     * @param message which value cannot be sent, and why
     * @return the exception
     */
    public static OzgClientException invalidArgument(String message) {
        return new OzgClientException(Kind.INVALID_ARGUMENT, message, null, 0);
    }

    /** @return the kind of failure */
    public Kind kind() {
        return kind;
    }

    /** @return how many attempts were made before giving up (0 when nothing was sent) */
    public int attempts() {
        return attempts;
    }
}
