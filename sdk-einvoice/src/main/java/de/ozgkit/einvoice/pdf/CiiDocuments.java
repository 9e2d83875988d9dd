package de.ozgkit.einvoice.pdf;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Checks that bytes are a well-formed CII D16B invoice and reads its specification identifier (BT-24). */
final class CiiDocuments {

    static final String CII_NS = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    static final String RAM_NS =
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    static final String UBL_INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String UBL_CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    private CiiDocuments() {
    }

    /**
     * Reads the whole document (so that a truncated or otherwise broken one is refused) and returns
     * BT-24.
     *
     * @return the specification identifier, or {@code null} when the document has none
     * @throws ZugferdException of kind NOT_XML or NOT_CII
     */
    static String specificationIdentifier(byte[] xml, XmlLimits limits) {
        XMLStreamReader r = SecureXml.streamReader(new ByteArrayInputStream(xml), limits);
        try {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog: comments, processing instructions, white space
            }
            if (!r.isStartElement()) {
                throw new ZugferdException(ZugferdException.Kind.NOT_XML,
                        "the invoice XML has no root element; pass a CII invoice (rsm:CrossIndustryInvoice)", null);
            }
            checkRoot(r.getNamespaceURI(), r.getLocalName());
            // BT-24: rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID
            String bt24 = null;
            int depth = 1;
            boolean inContext = false;
            boolean inGuideline = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && CII_NS.equals(r.getNamespaceURI())
                            && "ExchangedDocumentContext".equals(r.getLocalName())) {
                        inContext = true;
                    } else if (inContext && depth == 3 && RAM_NS.equals(r.getNamespaceURI())
                            && "GuidelineSpecifiedDocumentContextParameter".equals(r.getLocalName())) {
                        inGuideline = true;
                    } else if (inGuideline && depth == 4 && bt24 == null && RAM_NS.equals(r.getNamespaceURI())
                            && "ID".equals(r.getLocalName())) {
                        bt24 = r.getElementText().trim();
                        depth--;
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 3) {
                        inGuideline = false;
                    } else if (depth == 2) {
                        inContext = false;
                    }
                    depth--;
                }
            }
            return bt24;
        } catch (XMLStreamException | XmlParseException e) {
            XmlParseException xpe = SecureXml.translate(e, limits);
            throw new ZugferdException(ZugferdException.Kind.NOT_XML,
                    "the invoice XML cannot be read: " + xpe.getMessage(), xpe);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing was held open but the in-memory input
            }
        }
    }

    private static void checkRoot(String ns, String local) {
        if (CII_NS.equals(ns) && "CrossIndustryInvoice".equals(local)) {
            return;
        }
        if (UBL_INVOICE_NS.equals(ns) || UBL_CREDIT_NOTE_NS.equals(ns)) {
            throw new ZugferdException(ZugferdException.Kind.NOT_CII,
                    "the invoice is UBL (" + abbreviate(local) + "), but ZUGFeRD / Factur-X embeds CII only;"
                            + " convert it to CII first (read it and write it with the CII writer)", null);
        }
        throw new ZugferdException(ZugferdException.Kind.NOT_CII,
                "the root element {" + abbreviate(ns) + "}" + abbreviate(local) + " is not a CII invoice; expected {" + CII_NS
                        + "}CrossIndustryInvoice", null);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }
}
