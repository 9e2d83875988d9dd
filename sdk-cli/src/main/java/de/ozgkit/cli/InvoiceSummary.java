package de.ozgkit.cli;

import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.model.DocumentTotals;
import de.ozgkit.einvoice.model.Invoice;
import java.io.PrintWriter;
import java.math.BigDecimal;

/**
 * The short human-readable form of {@code ozgkit einvoice show} (without {@code --json}): one
 * {@code label value} line per key term. Meant for reading; scripts use {@code --json}.
 */
final class InvoiceSummary {

    private InvoiceSummary() {
    }

    static void print(Invoice invoice, InvoiceSyntax syntax, PrintWriter out) {
        line(out, "number", invoice.number());
        line(out, "type", invoice.typeCode() + (invoice.isCreditNote() ? " (credit note)" : " (invoice)"));
        line(out, "syntax", syntax.name());
        line(out, "specification", invoice.specificationIdentifier() == null ? null : invoice.specificationIdentifier()
                + invoice.variant().map(v -> " (XRechnung 3.0, " + v + ")").orElse(""));
        line(out, "issue date", invoice.issueDate() == null ? null : invoice.issueDate().toString());
        line(out, "payment due", invoice.paymentDueDate() == null ? null : invoice.paymentDueDate().toString());
        line(out, "buyer reference", invoice.buyerReference());
        if (invoice.seller() != null) {
            line(out, "seller", invoice.seller().name()
                    + (invoice.seller().vatId() == null ? "" : ", VAT id " + invoice.seller().vatId()));
        }
        if (invoice.buyer() != null) {
            line(out, "buyer", invoice.buyer().name());
        }
        line(out, "lines", Integer.toString(invoice.lines().size()));
        DocumentTotals t = invoice.totals();
        if (t != null) {
            String currency = invoice.currencyCode() == null ? "" : " " + invoice.currencyCode();
            line(out, "net total", amount(t.totalWithoutVat(), currency));
            line(out, "VAT total", amount(t.vatTotal(), currency));
            line(out, "total", amount(t.totalWithVat(), currency));
            line(out, "amount due", amount(t.amountDue(), currency));
        }
    }

    private static String amount(BigDecimal value, String currency) {
        return value == null ? null : value.toPlainString() + currency;
    }

    private static void line(PrintWriter out, String label, String value) {
        if (value != null) {
            out.println(String.format("%-16s%s", label, value));
        }
    }
}
