package de.ozgkit.einvoice.delivery;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the invoice number (BT-1) from the start of a UBL or CII invoice, without reading the rest. */
final class InvoiceHeader {

    private static final String CII_NS = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static final String RAM_NS =
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static final String CBC_NS = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private InvoiceHeader() {
    }

    /** @return BT-1, or an empty string when the document has none or cannot be read */
    static String invoiceNumber(byte[] xml) {
        XMLStreamReader r = null;
        try {
            r = SecureXml.streamReader(new ByteArrayInputStream(xml), XmlLimits.DEFAULT);
            int depth = 0;
            boolean cii = false;
            boolean inDocument = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String ns = r.getNamespaceURI();
                    String local = r.getLocalName();
                    if (depth == 1) {
                        cii = CII_NS.equals(ns);
                    } else if (!cii && depth == 2 && CBC_NS.equals(ns) && "ID".equals(local)) {
                        // UBL: Invoice/cbc:ID or CreditNote/cbc:ID
                        return r.getElementText().trim();
                    } else if (cii && depth == 2 && CII_NS.equals(ns) && "ExchangedDocument".equals(local)) {
                        inDocument = true;
                    } else if (cii && inDocument && depth == 3 && RAM_NS.equals(ns) && "ID".equals(local)) {
                        return r.getElementText().trim();
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2) {
                        inDocument = false;
                    }
                    depth--;
                }
            }
            return "";
        } catch (XMLStreamException | RuntimeException e) {
            return "";
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // in-memory input
                }
            }
        }
    }

    /**
     * @param invoiceNumber BT-1
     * @return a file name safe for every mail client and file system: letters, digits, '.', '-', '_'
     *         kept, everything else replaced by '_', at most 100 characters, ending in {@code .xml}
     */
    static String fileName(String invoiceNumber) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < invoiceNumber.length() && sb.length() < 100; i++) {
            char c = invoiceNumber.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || (c == '.' && sb.length() > 0);
            sb.append(safe ? c : '_');
        }
        String base = sb.toString();
        if (base.isEmpty() || base.chars().allMatch(c -> c == '_')) {
            base = "invoice";
        }
        return base + ".xml";
    }
}
