package de.ozgkit.messaging;

import de.ozgkit.core.OzgException;
import java.util.Objects;

/**
 * Root of the exceptions of OSCI messaging. {@link #check()} names the protection that refused the
 * message or answer.
 */
public class OsciException extends OzgException {
    private static final long serialVersionUID = 1L;

    private final OsciCheck check;

    /**
     * @param check   the check that failed
     * @param message what went wrong and how to fix it
     */
    public OsciException(OsciCheck check, String message) {
        this(check, message, null);
    }

    /**
     * @param check   the check that failed
     * @param message what went wrong and how to fix it
     * @param cause   the underlying failure, may be {@code null}
     */
    public OsciException(OsciCheck check, String message, Throwable cause) {
        super(message, cause);
        this.check = Objects.requireNonNull(check, "check");
    }

    /** @return the check that failed */
    public OsciCheck check() {
        return check;
    }
}
