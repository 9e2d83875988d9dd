package de.ozgkit.einvoice;

import de.ozgkit.core.OzgException;

/**
 * An invoice document could not be read (or a model could not be written in the chosen syntax):
 * it is not XML, is unsafe or too large, has the wrong root element or namespace, lacks an element
 * the syntax requires, or holds a date or amount that cannot be parsed. The message names the
 * element and, where known, the line and column; {@link #reason()} tells the kind of problem.
 *
 * <p>Validation findings (a well-formed invoice that breaks business rules) are not reported this
 * way but by the validator's report.
 */
public class EInvoiceFormatException extends OzgException {
    private static final long serialVersionUID = 1L;

    /** The kind of problem. */
    public enum Reason {
        /** Not well-formed XML: not XML at all, truncated, or broken markup. */
        NOT_XML,
        /** The document uses a construct refused for safety: a DTD, external or undeclared entities. */
        UNSAFE_XML,
        /** The document breaks a size, depth or attribute limit. */
        LIMIT_EXCEEDED,
        /** The root element is neither a UBL Invoice/CreditNote nor a CII CrossIndustryInvoice. */
        UNKNOWN_ROOT,
        /** The root element has a known name but the wrong namespace. */
        WRONG_NAMESPACE,
        /** An element that the syntax requires is missing. */
        MISSING_ELEMENT,
        /** A date, amount, quantity or other value cannot be parsed. */
        INVALID_VALUE,
        /** The model holds content that the target syntax cannot carry. */
        UNSUPPORTED_CONTENT,
        /** The input could not be read. */
        IO
    }

    private final Reason reason;
    private final int line;
    private final int column;

    /**
     * Creates the exception.
     *
     * @param reason  the kind of problem
     * @param message what is wrong and how to fix it, without location
     * @param line    1-based line, or -1 when unknown
     * @param column  1-based column, or -1 when unknown
     * @param cause   the underlying exception, may be {@code null}
     */
    public EInvoiceFormatException(Reason reason, String message, int line, int column, Throwable cause) {
        super(message + (line > 0 ? " (at " + line + ":" + Math.max(column, 0) + ")" : ""), cause);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /**
     * @param message what the target syntax cannot carry and what to do
     * @return an exception with reason {@link Reason#UNSUPPORTED_CONTENT}
     */
    public static EInvoiceFormatException unsupported(String message) {
        return new EInvoiceFormatException(Reason.UNSUPPORTED_CONTENT, message, -1, -1, null);
    }

    /** @return the kind of problem */
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

    /** @return {@code "line:column"}, or an empty string when unknown */
    public String location() {
        return line > 0 ? line + ":" + Math.max(column, 0) : "";
    }
}
