package de.ozgkit.core.xml;

/**
 * An XML document could not be read: it is not well-formed, it declares a DTD (refused, because
 * DTDs enable external entities and entity expansion), or it breaks a size or depth limit. Line and
 * column, where known, come from the parent {@link XmlDocumentException}.
 */
public class XmlParseException extends XmlDocumentException {
    private static final long serialVersionUID = 1L;

    /** Why the document was refused. */
    public enum Reason {
        /** Not well-formed XML, truncated, not XML at all, or an undeclared entity. */
        MALFORMED,
        /** The document declares a DTD ({@code <!DOCTYPE ...>}); ozgkit never processes DTDs. */
        DOCTYPE_FORBIDDEN,
        /** The document is larger than the configured number of bytes. */
        TOO_LARGE,
        /** Elements are nested deeper than the configured limit. */
        TOO_DEEP,
        /** Another parser limit was hit (attribute count, name length, entity expansion). */
        LIMIT_EXCEEDED,
        /** The root element is not the one expected (wrong document type or namespace). */
        UNEXPECTED_ROOT,
        /** The input could not be read. */
        IO
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  why the document was refused
     * @param message what went wrong, how to fix it
     * @param line    1-based line of the problem, or -1 when unknown
     * @param column  1-based column of the problem, or -1 when unknown
     * @param cause   the parser's exception, may be {@code null}
     */
    public XmlParseException(Reason reason, String message, int line, int column, Throwable cause) {
        super(message, line, column, cause);
        this.reason = reason;
    }

    /** @return why the document was refused */
    @Override
    public Reason reason() {
        return reason;
    }
}
