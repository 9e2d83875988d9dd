package de.ozgkit.core.security;

import de.ozgkit.core.OzgException;
import java.util.Objects;

/**
 * Key material (a PKCS#12 file, a PEM key or certificate) could not be loaded. {@link #reason()}
 * tells why in a form code can act on; the message says what to do about it. Messages name the
 * source (e.g. a file name) but never contain passwords or key bytes.
 */
public class KeyMaterialException extends OzgException {
    private static final long serialVersionUID = 1L;

    /** Why key material could not be loaded. */
    public enum Reason {
        /** The password does not open the file or the encrypted key. */
        WRONG_PASSWORD,
        /** The key is encrypted but no password was given. */
        PASSWORD_REQUIRED,
        /** The data is not in the expected format, or is damaged or truncated. */
        WRONG_FORMAT,
        /** No private key was found where one is needed. */
        MISSING_KEY,
        /** No certificate was found where one is needed. */
        MISSING_CERTIFICATE,
        /** More than one private key was found and none was chosen. */
        AMBIGUOUS_KEY,
        /** The private key does not belong to the certificate. */
        KEY_CERT_MISMATCH,
        /** The key or certificate uses an algorithm this Java runtime cannot handle. */
        UNSUPPORTED_ALGORITHM,
        /** The source could not be read (missing file, no permission, I/O error). */
        IO,
        /**
         * Reading this kind of key material needs a library that is not on the class or module path
         * (Bouncy Castle's {@code bcpkix-jdk18on} for PEM private keys); the message says which.
         */
        LIBRARY_MISSING
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  why loading failed
     * @param message what went wrong and how to fix it; must not contain secrets
     * @param cause   the underlying failure, may be {@code null}
     */
    public KeyMaterialException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why loading failed */
    public Reason reason() {
        return reason;
    }
}
