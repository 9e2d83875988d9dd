package de.ozgkit.einvoice.delivery;

import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.ValidationReport;
import java.util.Objects;

/**
 * The invoice does not validate, so it was not sent. {@link #report()} has every finding; the
 * message names the number of errors and the first one.
 */
public class InvalidInvoiceException extends DeliveryException {
    private static final long serialVersionUID = 1L;

    /** Reports are not serializable; after deserialization {@link #report()} is {@code null}. */
    private final transient ValidationReport report;

    /**
     * Creates the exception.
     *
     * @param report the report of the failed validation
     */
    public InvalidInvoiceException(ValidationReport report) {
        super(Kind.INVALID_INVOICE, 0, message(Objects.requireNonNull(report, "report")), null);
        this.report = report;
    }

    private static String message(ValidationReport report) {
        String first = report.errors().stream().findFirst().map(Finding::toString).orElse("no error finding");
        int n = report.errorCount();
        return "the invoice does not validate (" + n + (n == 1 ? " error" : " errors") + ", first: " + first
                + "); nothing was sent. Correct the invoice and deliver it again";
    }

    /** @return the validation report with every finding */
    public ValidationReport report() {
        return report;
    }
}
