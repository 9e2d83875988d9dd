package de.ozgkit.einvoice;

import de.ozgkit.core.xml.XmlDocumentException;

/**
 * An invoice document could not be read (or a model could not be written in the chosen syntax):
 * it is not XML, is unsafe or too large, has the wrong root element or namespace, lacks an element
 * the syntax requires, or holds a date or amount that cannot be parsed; or the document could not be
 * read or written at all (reason {@code IO}). The message names the element and, where known, ends
 * with the line and column as every {@link XmlDocumentException} does ({@code (line 12, column 7)});
 * {@link #reason()} tells the kind of problem.
 *
 * <p>Validation findings (a well-formed invoice that breaks business rules) are not reported this
 * way but by the validator's report.
 */
public class EInvoiceFormatException extends XmlDocumentException {
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
        /** The input could not be read, or the output could not be written. */
        IO
    }

    private final Reason reason;

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
        super(message, line, column, cause);
        this.reason = reason;
    }

    /**
     * @param message what the target syntax cannot carry and what to do
     * @return an exception with reason {@link Reason#UNSUPPORTED_CONTENT}
     */
    public static EInvoiceFormatException unsupported(String message) {
        return new EInvoiceFormatException(Reason.UNSUPPORTED_CONTENT, message, -1, -1, null);
    }

    /**
     * @param message what could not be written and why
     * @param cause   the I/O failure
     * @return an exception with reason {@link Reason#IO}
     */
    public static EInvoiceFormatException io(String message, Throwable cause) {
        return new EInvoiceFormatException(Reason.IO, message, -1, -1, cause);
    }

    /** @return the kind of problem */
    @Override
    public Reason reason() {
        return reason;
    }
}
