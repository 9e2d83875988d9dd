package de.ozgkit.core.xml;

import de.ozgkit.core.OzgException;

/**
 * An XML document could not be processed: the common parent of ozgkit's document errors, such as
 * {@link XmlParseException} (the XML itself is refused) and the e-invoice module's format exception
 * (the XML is no readable invoice). It carries where the problem is, when known, and a
 * {@link #reason()} from the subclass's own list of reasons.
 *
 * <p>The message ends with the location in one form for every subclass: {@code (line 12, column 7)},
 * or {@code (line 12)} when the column is unknown; nothing when the line is unknown.
 *
 * <pre>{@code
 * try {
 *     ...
 * } catch (XmlDocumentException e) {
 *     log.warn("document refused ({}) at {}: {}", e.reason(), e.location(), e.getMessage());
 * }
 * }</pre>
 */
public abstract class XmlDocumentException extends OzgException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it, without the location
     * @param line    1-based line of the problem, or -1 when unknown
     * @param column  1-based column of the problem, or -1 when unknown
     * @param cause   the underlying exception, may be {@code null}
     */
    protected XmlDocumentException(String message, int line, int column, Throwable cause) {
        super(message + suffix(line, column), cause);
        this.line = line;
        this.column = column;
    }

    private static String suffix(int line, int column) {
        if (line <= 0) {
            return "";
        }
        return " (line " + line + (column > 0 ? ", column " + column : "") + ")";
    }

    /** @return why the document was refused, from the subclass's list of reasons */
    public abstract Enum<?> reason();

    /** @return 1-based line of the problem, or -1 when unknown */
    public int line() {
        return line;
    }

    /** @return 1-based column of the problem, or -1 when unknown */
    public int column() {
        return column;
    }

    /**
     * @return {@code "line:column"} ({@code "line"} without a known column), or an empty string when
     *         the line is unknown
     */
    public String location() {
        if (line <= 0) {
            return "";
        }
        return column > 0 ? line + ":" + column : String.valueOf(line);
    }

    /**
     * @return the message without the location suffix that the constructor appended, for callers
     *         that report the location themselves
     */
    public String messageWithoutLocation() {
        String m = getMessage();
        String suffix = suffix(line, column);
        return m != null && m.endsWith(suffix) ? m.substring(0, m.length() - suffix.length()) : m;
    }
}
