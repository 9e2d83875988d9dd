package de.ozgkit.einvoice.internal.xml;

import de.ozgkit.einvoice.EInvoiceFormatException;
import de.ozgkit.einvoice.model.Invoice;

/**
 * What one syntax cannot carry of the EN 16931 model: checked before anything is written, so that a
 * writer refuses such an invoice with a message naming the business term, instead of writing a
 * document its schema or the rules refuse.
 *
 * <p>Not API.
 */
public final class SyntaxLimits {

    private SyntaxLimits() {
    }

    /**
     * @param inv an invoice to write as CII D16B
     * @throws EInvoiceFormatException with reason {@code UNSUPPORTED_CONTENT} if CII cannot carry part of it
     */
    public static void checkCii(Invoice inv) {
        if (inv.precedingInvoices().size() > 1) {
            throw EInvoiceFormatException.unsupported("the invoice references " + inv.precedingInvoices().size()
                    + " preceding invoices (BG-3), but CII D16B carries one (ram:InvoiceReferencedDocument occurs at"
                    + " most once in ram:ApplicableHeaderTradeSettlement); write the invoice as UBL or keep one"
                    + " preceding invoice reference");
        }
    }

    /**
     * @param inv an invoice to write as UBL 2.1
     * @throws EInvoiceFormatException with reason {@code UNSUPPORTED_CONTENT} if UBL cannot carry it as it is
     */
    public static void checkUbl(Invoice inv) {
        if (inv.totals() == null) {
            throw EInvoiceFormatException.unsupported("the invoice has no DOCUMENT TOTALS (BG-22), which UBL requires"
                    + " (cac:LegalMonetaryTotal); build the invoice with Invoice.builder(), which computes them");
        }
        if (inv.totals().vatTotal() == null) {
            throw EInvoiceFormatException.unsupported("the invoice total VAT amount (BT-110) is missing, which UBL"
                    + " requires (cbc:TaxAmount in cac:TaxTotal; rules BR-CO-14, BR-CO-15); state it in the input"
                    + " (0.00 when no VAT is due) or build the invoice with Invoice.builder(), which computes it");
        }
    }
}
