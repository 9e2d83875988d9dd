package de.ozgkit.einvoice.pdf;

import de.ozgkit.core.OzgException;
import java.util.Objects;

/**
 * A ZUGFeRD / Factur-X PDF could not be produced or read. {@link #kind()} says why; the message
 * says how to fix it. Nothing is written when this is thrown.
 */
public class ZugferdException extends OzgException {
    private static final long serialVersionUID = 1L;

    /** Why the operation was refused. */
    public enum Kind {
        /** The input is not a PDF at all (no {@code %PDF-} header). */
        NOT_A_PDF,
        /** The input claims to be a PDF but cannot be parsed (truncated, damaged structure). */
        CORRUPT_PDF,
        /** The PDF is encrypted or password protected; PDF/A forbids encryption. */
        ENCRYPTED_PDF,
        /** The PDF carries no embedded ZUGFeRD / Factur-X / XRechnung invoice. */
        NO_EMBEDDED_INVOICE,
        /** The PDF to embed into already carries an embedded invoice. */
        ALREADY_CONTAINS_INVOICE,
        /** The invoice XML is not well-formed, declares a DTD or breaks a size or depth limit. */
        NOT_XML,
        /** The invoice is UBL or another XML document; ZUGFeRD / Factur-X carries CII only. */
        NOT_CII,
        /** The invoice's specification identifier (BT-24) does not fit the requested profile. */
        PROFILE_MISMATCH,
        /**
         * The embedded invoice is larger than the limit, or a stream of the PDF inflates beyond the limits (a
         * compression bomb).
         */
        TOO_LARGE,
        /**
         * The PDF cannot become a PDF/A-3 by adding metadata: it uses a font that is not embedded (PDF/A
         * requires every font to be embedded).
         */
        NOT_PDFA_CAPABLE
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind    why the operation was refused
     * @param message what went wrong and how to fix it
     * @param cause   the underlying failure, may be {@code null}
     */
    public ZugferdException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** @return why the operation was refused */
    public Kind kind() {
        return kind;
    }
}
