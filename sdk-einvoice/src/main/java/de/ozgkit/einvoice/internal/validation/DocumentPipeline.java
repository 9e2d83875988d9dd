package de.ozgkit.einvoice.internal.validation;

import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.Severity;
import de.ozgkit.einvoice.ValidationLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.validation.ValidatorHandler;
import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Receives the SAX events of the one parse of a document and feeds them to two consumers at once:
 * the XML Schema validator of the document's syntax and Saxon's tree builder, on which the Schematron
 * layers run afterwards. The syntax, and with it the schema, is chosen at the root element; a root
 * element that is no invoice stops the parse at once. Tracks the element path so that schema errors
 * carry an XPath location. One instance per document; not thread-safe.
 */
final class DocumentPipeline implements ContentHandler, ErrorHandler {

    /** Thrown to stop parsing when the root element is not an invoice. */
    static final class UnknownRoot extends SAXException {
        private static final long serialVersionUID = 1L;

        UnknownRoot(String message) {
            super(message);
        }
    }

    private static final Pattern XSD_CODE = Pattern.compile("^(cvc-[A-Za-z0-9.-]+|s4s-[A-Za-z0-9.-]+):\\s*(.*)$",
            Pattern.DOTALL);
    private static final String FEATURE_NORMALIZED_VALUE = "http://apache.org/xml/features/validation/schema/normalized-value";
    private static final String PROPERTY_LOCALE = "http://apache.org/xml/properties/locale";

    private final Findings findings;
    private final List<String[]> pendingPrefixes = new ArrayList<>();
    private final List<Frame> path = new ArrayList<>();
    private Locator locator;
    private InvoiceSyntax syntax;
    private RuleSets.CompiledRules rules;
    private ValidatorHandler schema;
    private BuildingContentHandler tree;

    DocumentPipeline(Findings findings) {
        this.findings = findings;
    }

    /** @return the syntax recognised at the root element, {@code null} before it */
    InvoiceSyntax syntax() {
        return syntax;
    }

    /** @return the compiled rules of the syntax, {@code null} before the root element */
    RuleSets.CompiledRules rules() {
        return rules;
    }

    /**
     * @return the document tree, after a complete parse
     * @throws SaxonApiException if the tree is incomplete
     */
    XdmNode document() throws SaxonApiException {
        return tree.getDocumentNode();
    }

    // ------------------------------------------------------------------ ContentHandler

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startDocument() {
        // forwarded once the root element has told the syntax
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        if (tree == null) {
            pendingPrefixes.add(new String[] {prefix, uri});
            return;
        }
        if (schema != null) {
            try {
                schema.startPrefixMapping(prefix, uri);
            } catch (SAXException e) {
                schemaBroke(e);
            }
        }
        tree.startPrefixMapping(prefix, uri);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (tree == null) {
            begin(uri, localName);
        }
        Frame parent = path.isEmpty() ? null : path.get(path.size() - 1);
        String step = Namespaces.stepName(uri, localName);
        path.add(new Frame(step, parent == null ? 1 : parent.next(step)));
        if (schema != null) {
            try {
                schema.startElement(uri, localName, qName, atts);
            } catch (SAXException e) {
                schemaBroke(e);
            }
        }
        tree.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (schema != null) {
            try {
                schema.endElement(uri, localName, qName);
            } catch (SAXException e) {
                schemaBroke(e);
            }
        }
        tree.endElement(uri, localName, qName);
        path.remove(path.size() - 1);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (tree == null) {
            return;
        }
        if (schema != null) {
            try {
                schema.characters(ch, start, length);
            } catch (SAXException e) {
                schemaBroke(e);
            }
        }
        tree.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        if (tree == null) {
            return;
        }
        if (schema != null) {
            try {
                schema.endPrefixMapping(prefix);
            } catch (SAXException e) {
                schemaBroke(e);
            }
        }
        tree.endPrefixMapping(prefix);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        if (tree != null) {
            tree.processingInstruction(target, data);
        }
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        // only possible with undeclared entities, which the parser reports as fatal before this
        throw new SAXException("entity reference &" + name + "; refused");
    }

    @Override
    public void endDocument() throws SAXException {
        if (tree == null) {
            return;
        }
        if (schema != null) {
            try {
                schema.endDocument();
            } catch (SAXException e) {
                schemaBroke(e);
            }
        }
        tree.endDocument();
    }

    // ------------------------------------------------------------------ schema errors

    @Override
    public void warning(SAXParseException e) {
        schemaFinding(Severity.WARNING, e);
    }

    @Override
    public void error(SAXParseException e) {
        schemaFinding(Severity.ERROR, e);
    }

    @Override
    public void fatalError(SAXParseException e) {
        schemaFinding(Severity.ERROR, e);
    }

    // ------------------------------------------------------------------ internals

    private void begin(String uri, String localName) throws SAXException {
        syntax = InvoiceSyntax.fromRootElement(uri, localName).orElseThrow(() -> new UnknownRoot(
                "the root element {" + uri + "}" + localName + " is not an EN 16931 invoice; expected a UBL 2.1"
                        + " Invoice or CreditNote or a CII D16B CrossIndustryInvoice"));
        rules = RuleSets.forSyntax(syntax);
        schema = rules.schema().newValidatorHandler();
        schema.setErrorHandler(this);
        // the schema validates only; nothing it could fetch or rewrite reaches the rules
        schema.setResourceResolver((type, ns, publicId, systemId, baseUri) -> null);
        trySet(() -> schema.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true));
        trySet(() -> schema.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, ""));
        trySet(() -> schema.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, ""));
        trySet(() -> schema.setFeature(FEATURE_NORMALIZED_VALUE, false));
        trySet(() -> schema.setProperty(PROPERTY_LOCALE, Locale.ENGLISH));
        try {
            tree = RuleSets.processor().newDocumentBuilder().newBuildingContentHandler();
        } catch (SaxonApiException e) {
            throw new SAXException("cannot create Saxon's tree builder: " + e.getMessage(), e);
        }
        if (locator != null) {
            schema.setDocumentLocator(locator);
            tree.setDocumentLocator(locator);
        }
        schema.startDocument();
        tree.startDocument();
        for (String[] p : pendingPrefixes) {
            schema.startPrefixMapping(p[0], p[1]);
            tree.startPrefixMapping(p[0], p[1]);
        }
        pendingPrefixes.clear();
    }

    private interface Setting {
        void apply() throws SAXException;
    }

    private static void trySet(Setting s) {
        try {
            s.apply();
        } catch (SAXException | RuntimeException e) {
            // not every JAXP implementation knows every setting; the defaults are safe
        }
    }

    /** The schema validator gave up (it throws on a few unrecoverable errors): keep the rest of the pipeline going. */
    private void schemaBroke(SAXException e) {
        if (e instanceof SAXParseException spe) {
            schemaFinding(Severity.ERROR, spe);
        } else {
            findings.add(new Finding("cvc", Severity.ERROR, location(), String.valueOf(e.getMessage()),
                    ValidationLayer.XML_SCHEMA));
        }
        schema = null;
    }

    private void schemaFinding(Severity severity, SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        String ruleId = "cvc";
        Matcher m = XSD_CODE.matcher(message);
        if (m.matches()) {
            ruleId = m.group(1);
            message = m.group(2);
        }
        if (e.getLineNumber() > 0) {
            message = message + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
        }
        findings.add(new Finding(ruleId, severity, location(), message.trim(), ValidationLayer.XML_SCHEMA));
    }

    private String location() {
        if (path.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (Frame f : path) {
            sb.append('/').append(f.step).append('[').append(f.index).append(']');
        }
        return sb.toString();
    }

    /** One open element: its step name, its position among same-named siblings, and its children's counts. */
    private static final class Frame {
        final String step;
        final int index;
        private Map<String, Integer> children;

        Frame(String step, int index) {
            this.step = step;
            this.index = index;
        }

        int next(String childStep) {
            if (children == null) {
                children = new HashMap<>();
            }
            return children.merge(childStep, 1, Integer::sum);
        }
    }
}
