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
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import de.ozgkit.einvoice.engine.EngineException;
import de.ozgkit.einvoice.engine.Stylesheets;
import de.ozgkit.einvoice.engine.Tree;
import de.ozgkit.einvoice.engine.TreeBuilder;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Receives the SAX events of the one parse of a document and feeds them to two consumers at once: the
 * XML Schema validator of the document's profile and Saxon's tree builder, on which the Schematron layers
 * run afterwards.
 *
 * <p>The root element tells the syntax (a root element that is no invoice stops the parse at once). The
 * specification identifier (BT-24), which decides the schema and the rule sets, stands among the first
 * elements: until it is known (at the end of CII's {@code rsm:ExchangedDocumentContext} or UBL's
 * {@code cbc:CustomizationID}, or at the first element that may not precede it), the events meant for the
 * schema validator are held back, then replayed with the line numbers and element paths they had. Schema
 * errors carry an XPath location. One instance per document; not thread-safe.
 */
final class DocumentPipeline implements ContentHandler, ErrorHandler {

    /** Thrown to stop parsing when the root element is not an invoice. */
    static final class UnknownRoot extends SAXException {
        private static final long serialVersionUID = 1L;

        UnknownRoot(String message) {
            super(message);
        }
    }

    /** Chooses the XML Schema of a document once its syntax and BT-24 are known. */
    interface SchemaChoice {
        /**
         * Called once per document, early in the parse.
         *
         * @param syntax the syntax
         * @param bt24   the specification identifier (trimmed), {@code null} when the document has none
         * @return the XML Schema to validate the document against
         */
        Schema schemaFor(InvoiceSyntax syntax, String bt24);
    }

    private static final Pattern XSD_CODE = Pattern.compile("^(cvc-[A-Za-z0-9.-]+|s4s-[A-Za-z0-9.-]+):\\s*(.*)$",
            Pattern.DOTALL);
    private static final String FEATURE_NORMALIZED_VALUE = "http://apache.org/xml/features/validation/schema/normalized-value";
    private static final String PROPERTY_LOCALE = "http://apache.org/xml/properties/locale";
    private static final String EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
    /** Most events held back while looking for BT-24; a document that hides it deeper is checked as having none. */
    private static final int MAX_HELD = 20_000;

    private final Findings findings;
    private final SchemaChoice choice;
    private final List<String[]> pendingPrefixes = new ArrayList<>();
    private final List<Frame> path = new ArrayList<>();
    private Locator locator;
    private InvoiceSyntax syntax;
    private ValidatorHandler schema;
    private String rootNamespace;
    private TreeBuilder treeBuilder;
    /** Saxon's tree builder, {@code null} until the root element has told the syntax. */
    private ContentHandler tree;

    /** Events for the schema validator, held until BT-24 is known; {@code null} from then on. */
    private List<Held> held = new ArrayList<>();
    /** The event being replayed, whose position schema errors report; {@code null} when events pass live. */
    private Held replaying;
    private StringBuilder bt24Text;
    private boolean bt24Seen;
    private String bt24;

    DocumentPipeline(Findings findings, SchemaChoice choice) {
        this.findings = findings;
        this.choice = choice;
    }

    /** @return the syntax recognised at the root element, {@code null} before it */
    InvoiceSyntax syntax() {
        return syntax;
    }

    /** @return the specification identifier (BT-24), trimmed; {@code null} when absent */
    String specificationIdentifier() {
        return bt24;
    }

    /** @return the namespace URI of the root element, {@code null} before it */
    String rootNamespace() {
        return rootNamespace;
    }

    /**
     * @return the document tree, after a complete parse
     * @throws EngineException if the tree is incomplete
     */
    Tree document() throws EngineException {
        return treeBuilder.tree();
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
        toSchema(Held.PREFIX, prefix, uri, null, null, null);
        tree.startPrefixMapping(prefix, uri);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (tree == null) {
            begin(uri, localName);
        }
        if (held != null) {
            watchStart(uri, localName, path.size() + 1);
        }
        Frame parent = path.isEmpty() ? null : path.get(path.size() - 1);
        String step = Namespaces.stepName(uri, localName);
        path.add(new Frame(step, parent == null ? 1 : parent.next(step), localName));
        toSchema(Held.START, uri, localName, qName, atts, null);
        tree.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        toSchema(Held.END, uri, localName, qName, null, null);
        tree.endElement(uri, localName, qName);
        int depth = path.size();
        if (held != null) {
            watchEnd(uri, localName, depth);
        }
        path.remove(path.size() - 1);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (tree == null) {
            return;
        }
        if (bt24Text != null) {
            bt24Text.append(ch, start, length);
        }
        if (held != null) {
            toSchema(Held.TEXT, null, null, null, null, new String(ch, start, length));
        } else if (schema != null) {
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
        toSchema(Held.END_PREFIX, prefix, null, null, null, null);
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
        if (held != null) {
            decide();
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

    // ------------------------------------------------------------------ finding BT-24

    /** Watches the start of an element while BT-24 is not known yet. */
    private void watchStart(String uri, String local, int depth) throws SAXException {
        if (depth == 2) {
            boolean mayPrecede = syntax == InvoiceSyntax.CII
                    ? InvoiceSyntax.CII_NS.equals(uri) && "ExchangedDocumentContext".equals(local)
                    : EXT.equals(uri) && "UBLExtensions".equals(local)
                            || Namespaces.CBC.equals(uri) && ("UBLVersionID".equals(local) || "CustomizationID".equals(local));
            if (!mayPrecede) {
                // past the place where BT-24 stands: the document has none
                decide();
                return;
            }
        }
        if (!bt24Seen && isBt24(uri, local, depth)) {
            bt24Seen = true;
            bt24Text = new StringBuilder();
        }
    }

    /** Watches the end of an element while BT-24 is not known yet. */
    private void watchEnd(String uri, String local, int depth) throws SAXException {
        if (bt24Text != null && isBt24(uri, local, depth)) {
            bt24 = bt24Text.toString().trim();
            bt24Text = null;
            if (syntax == InvoiceSyntax.UBL) {
                decide();
            }
        } else if (depth == 2 && syntax == InvoiceSyntax.CII) {
            // the end of rsm:ExchangedDocumentContext, where BT-24 stands
            decide();
        }
    }

    private boolean isBt24(String uri, String local, int depth) {
        if (syntax == InvoiceSyntax.UBL) {
            return depth == 2 && Namespaces.CBC.equals(uri) && "CustomizationID".equals(local);
        }
        return depth == 4 && Namespaces.RAM.equals(uri) && "ID".equals(local)
                && "GuidelineSpecifiedDocumentContextParameter".equals(path.get(2).local);
    }

    /** BT-24 is known (or known to be absent): choose the schema and replay what was held back. */
    private void decide() throws SAXException {
        List<Held> events = held;
        held = null;
        bt24Text = null;
        schema = choice.schemaFor(syntax, bt24).newValidatorHandler();
        schema.setErrorHandler(this);
        // the schema validates only; nothing it could fetch or rewrite reaches the rules
        schema.setResourceResolver((type, ns, publicId, systemId, baseUri) -> null);
        trySet(() -> schema.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true));
        trySet(() -> schema.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, ""));
        trySet(() -> schema.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, ""));
        trySet(() -> schema.setFeature(FEATURE_NORMALIZED_VALUE, false));
        trySet(() -> schema.setProperty(PROPERTY_LOCALE, Locale.ENGLISH));
        schema.setDocumentLocator(new SchemaLocator());
        schema.startDocument();
        for (String[] p : pendingPrefixes) {
            schema.startPrefixMapping(p[0], p[1]);
        }
        pendingPrefixes.clear();
        try {
            for (Held h : events) {
                replaying = h;
                send(h);
            }
        } finally {
            replaying = null;
        }
    }

    private void toSchema(int kind, String a, String b, String qName, Attributes atts, String text) {
        if (held != null) {
            held.add(new Held(kind, a, b, qName, atts == null ? null : new AttributesImpl(atts), text, line(), column(),
                    location()));
            if (held.size() > MAX_HELD) {
                try {
                    decide();
                } catch (SAXException e) {
                    schemaBroke(e);
                }
            }
        } else if (schema != null) {
            send(new Held(kind, a, b, qName, atts, text, -1, -1, null));
        }
    }

    /** Hands one event to the schema validator. */
    private void send(Held h) {
        if (schema == null) {
            return;
        }
        try {
            switch (h.kind) {
                case Held.PREFIX -> schema.startPrefixMapping(h.a, h.b);
                case Held.END_PREFIX -> schema.endPrefixMapping(h.a);
                case Held.START -> schema.startElement(h.a, h.b, h.qName, h.atts);
                case Held.END -> schema.endElement(h.a, h.b, h.qName);
                default -> schema.characters(h.text.toCharArray(), 0, h.text.length());
            }
        } catch (SAXException e) {
            schemaBroke(e);
        }
    }

    private int line() {
        return locator == null ? -1 : locator.getLineNumber();
    }

    private int column() {
        return locator == null ? -1 : locator.getColumnNumber();
    }

    /** One SAX event for the schema validator, with where it happened when it is held back. */
    private record Held(int kind, String a, String b, String qName, Attributes atts, String text, int line,
            int column, String location) {
        static final int PREFIX = 0;
        static final int END_PREFIX = 1;
        static final int START = 2;
        static final int END = 3;
        static final int TEXT = 4;
    }

    /** The locator the schema validator sees: the parser's, or the position of the event being replayed. */
    private final class SchemaLocator implements Locator {
        @Override
        public String getPublicId() {
            return locator == null ? null : locator.getPublicId();
        }

        @Override
        public String getSystemId() {
            return locator == null ? null : locator.getSystemId();
        }

        @Override
        public int getLineNumber() {
            return replaying != null ? replaying.line : line();
        }

        @Override
        public int getColumnNumber() {
            return replaying != null ? replaying.column : column();
        }
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
        syntax = InvoiceSyntax.lookup(uri, localName).orElseThrow(() -> new UnknownRoot(
                "the root element {" + uri + "}" + localName + " is not an EN 16931 invoice; expected a UBL 2.1"
                        + " Invoice or CreditNote or a CII D16B CrossIndustryInvoice"));
        rootNamespace = uri;
        try {
            treeBuilder = Stylesheets.newTree();
        } catch (EngineException e) {
            throw new SAXException(e.getMessage(), e);
        }
        tree = treeBuilder.handler();
        if (locator != null) {
            tree.setDocumentLocator(locator);
        }
        tree.startDocument();
        for (String[] p : pendingPrefixes) {
            tree.startPrefixMapping(p[0], p[1]);
        }
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
        if (replaying != null) {
            return replaying.location;
        }
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
        final String local;
        private Map<String, Integer> children;

        Frame(String step, int index, String local) {
            this.step = step;
            this.index = index;
            this.local = local;
        }

        int next(String childStep) {
            if (children == null) {
                children = new HashMap<>();
            }
            return children.merge(childStep, 1, Integer::sum);
        }
    }
}
