package de.ozgkit.einvoice.internal.xml;

import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.einvoice.EInvoiceFormatException;
import de.ozgkit.einvoice.EInvoiceFormatException.Reason;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.model.Invoice;
import java.io.InputStream;

/** Detects the syntax from the root element and hands over to the matching reader. Not API. */
public final class InvoiceXmlReader {

    private InvoiceXmlReader() {
    }

    /**
     * Reads an invoice document.
     *
     * @param in     the document; not closed
     * @param limits parser limits
     * @return the invoice as the document states it (nothing derived, nothing checked)
     * @throws EInvoiceFormatException if the document cannot be read
     */
    public static Invoice read(InputStream in, XmlLimits limits) {
        try (NodeStream s = new NodeStream(in, limits)) {
            XmlNode root = s.root();
            return syntax(root) == InvoiceSyntax.UBL ? new UblReader(s, root).read() : new CiiReader(s, root).read();
        }
    }

    /**
     * Tells the syntax from the root element only.
     *
     * @param in     the document; not closed
     * @param limits parser limits
     * @return the syntax
     * @throws EInvoiceFormatException if the input is not XML or the root is not an invoice
     */
    public static InvoiceSyntax detect(InputStream in, XmlLimits limits) {
        try (NodeStream s = new NodeStream(in, limits)) {
            return syntax(s.root());
        }
    }

    private static InvoiceSyntax syntax(XmlNode root) {
        switch (root.name) {
            case "Invoice" -> {
                expect(root, Ns.UBL_INVOICE, "a UBL 2.1 Invoice");
                return InvoiceSyntax.UBL;
            }
            case "CreditNote" -> {
                expect(root, Ns.UBL_CREDIT_NOTE, "a UBL 2.1 CreditNote");
                return InvoiceSyntax.UBL;
            }
            case "CrossIndustryInvoice" -> {
                expect(root, Ns.RSM, "a CII D16B CrossIndustryInvoice");
                return InvoiceSyntax.CII;
            }
            default -> throw new EInvoiceFormatException(Reason.UNKNOWN_ROOT, "the root element <" + root.name
                    + "> is not an invoice; XRechnung documents start with a UBL <Invoice> or <CreditNote> or a CII"
                    + " <CrossIndustryInvoice>", root.line, root.column, null);
        }
    }

    private static void expect(XmlNode root, String ns, String what) {
        if (!ns.equals(root.ns)) {
            throw new EInvoiceFormatException(Reason.WRONG_NAMESPACE, "the root element <" + root.name + "> is in"
                    + " namespace \"" + ReadSupport.shorten(root.ns) + "\"; " + what + " must be in namespace \"" + ns
                    + "\"", root.line, root.column, null);
        }
    }
}
