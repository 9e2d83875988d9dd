package de.ozgkit.einvoice;

import java.util.stream.Collectors;

/**
 * A conversion was refused because the document it would write does not validate: nothing was written.
 * {@link #report()} holds the findings on the converted document; the message says whether the input
 * itself was already invalid (then fix the input) or the conversion made it so.
 *
 * <p>Content that the target syntax cannot carry at all is refused before writing with the superclass and
 * reason {@link Reason#UNSUPPORTED_CONTENT}; this exception has the same reason.
 */
public final class EInvoiceConversionException extends EInvoiceFormatException {
    private static final long serialVersionUID = 1L;

    /** The report on the converted document; not serialised. */
    private final transient ValidationReport report;
    private final InvoiceSyntax target;

    /**
     * Creates the exception.
     *
     * @param target       the syntax converted to
     * @param report       the report on the converted document (invalid)
     * @param inputInvalid whether the input itself did not validate
     */
    public EInvoiceConversionException(InvoiceSyntax target, ValidationReport report, boolean inputInvalid) {
        super(Reason.UNSUPPORTED_CONTENT, message(target, report, inputInvalid), -1, -1, null);
        this.report = report;
        this.target = target;
    }

    private static String message(InvoiceSyntax target, ValidationReport report, boolean inputInvalid) {
        String errors = report.errors().stream().limit(5).map(f -> f.ruleId() + " at " + f.location())
                .collect(Collectors.joining(", "));
        return "the invoice converted to " + target + " does not validate (" + report.errorCount() + " errors: " + errors
                + (report.errorCount() > 5 ? ", ..." : "") + "), so nothing was written; "
                + (inputInvalid ? "the input does not validate either: fix the input and convert again"
                        : "the input is valid: the target syntax cannot carry its content as it is");
    }

    /** @return the report on the converted document; {@code null} after deserialisation */
    public ValidationReport report() {
        return report;
    }

    /** @return the syntax converted to */
    public InvoiceSyntax target() {
        return target;
    }
}
