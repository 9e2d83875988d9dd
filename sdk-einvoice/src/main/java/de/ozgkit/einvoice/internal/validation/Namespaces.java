package de.ozgkit.einvoice.internal.validation;

import de.ozgkit.einvoice.InvoiceSyntax;
import java.util.Map;

/** The fixed prefixes that finding locations use, shared by the Java side and the location stylesheet. */
final class Namespaces {

    /** Namespace URI to prefix, in a stable order. */
    static final Map<String, String> PREFIXES = Map.of(
            InvoiceSyntax.UBL_INVOICE_NS, "ubl",
            InvoiceSyntax.UBL_CREDIT_NOTE_NS, "cn",
            "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2", "cac",
            "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2", "cbc",
            "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2", "ext",
            InvoiceSyntax.CII_NS, "rsm",
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100", "ram",
            "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100", "udt",
            "urn:un:unece:uncefact:data:standard:QualifiedDataType:100", "qdt");

    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    private Namespaces() {
    }

    /**
     * @param uri   namespace URI, may be empty
     * @param local local name
     * @return the location step name: {@code prefix:local}, {@code local}, or {@code *:local[namespace-uri()='uri']}
     */
    static String stepName(String uri, String local) {
        if (uri == null || uri.isEmpty()) {
            return local;
        }
        String prefix = PREFIXES.get(uri);
        return prefix != null ? prefix + ":" + local : "*:" + local + "[namespace-uri()='" + uri + "']";
    }
}
