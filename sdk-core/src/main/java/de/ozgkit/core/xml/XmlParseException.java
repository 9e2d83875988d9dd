package de.ozgkit.core.xml;

import de.ozgkit.core.OzgException;

/**
 * An XML document could not be read: it is not well-formed, it declares a DTD (refused, because
 * DTDs enable external entities and entity expansion), or it breaks a size or depth limit.
 */
public class XmlParseException extends OzgException {
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
    private final int line;
    private final int column;

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
        super(message + (line > 0 ? " (line " + line + (column > 0 ? ", column " + column : "") + ")" : ""), cause);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** @return why the document was refused */
    public Reason reason() {
        return reason;
    }

    /** @return 1-based line of the problem, or -1 when unknown */
    public int line() {
        return line;
    }

    /** @return 1-based column of the problem, or -1 when unknown */
    public int column() {
        return column;
    }
}
