package de.ozgkit.einvoice;

import de.ozgkit.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The official XML schemas (UBL 2.1 Invoice and CreditNote, CII D16B as restricted by Factur-X
 * EXTENDED) as shipped in Mustang's validator jar, for checking what the writers produce.
 */
public final class Schemas {

    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    private static Schema load(String resource) {
        return CACHE.computeIfAbsent(resource, r -> {
            URL url = Schemas.class.getResource(r);
            if (url == null) {
                throw new IllegalStateException("schema " + r + " not on the test class path");
            }
            try {
                return SecureXml.schemaFactory("file,jar,jar:file").newSchema(url);
            } catch (org.xml.sax.SAXException e) {
                throw new IllegalStateException("cannot compile " + r, e);
            }
        });
    }

    /** The full CII D16B schema that {@link EInvoiceValidator} uses (from ph-cii-d16b). */
    private static final String CII_D16B = "/external/schemas/d16b/data/standard/CrossIndustryInvoice_100pD16B.xsd";

    /**
     * @return errors of the document against the schemas {@link EInvoiceValidator} uses: UBL 2.1, and the
     *         full CII D16B schema (not the Factur-X restriction); empty when valid
     */
    public static List<String> validatorSchemaErrors(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 2000), java.nio.charset.StandardCharsets.UTF_8);
        return head.contains("CrossIndustryInvoice") ? errors(xml, CII_D16B) : errors(xml);
    }

    /** @return errors of the document against the schema of its root element; empty when valid */
    public static List<String> errors(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 2000), java.nio.charset.StandardCharsets.UTF_8);
        String resource;
        if (head.contains(":CreditNote ") || head.contains("<CreditNote")) {
            resource = "/schema/UBL_21/maindoc/UBL-CreditNote-2.1.xsd";
        } else if (head.contains(":Invoice ") || head.contains("<Invoice")) {
            resource = "/schema/UBL_21/maindoc/UBL-Invoice-2.1.xsd";
        } else {
            resource = "/schema/ZF_250/EXTENDED/FACTUR-X_EXTENDED.xsd";
        }
        return errors(xml, resource);
    }

    private static List<String> errors(byte[] xml, String resource) {
        List<String> errors = new ArrayList<>();
        try {
            Validator v = load(resource).newValidator();
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a document invalid
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            errors.add(e.toString());
        }
        return errors;
    }
}
