package de.ozgkit.core.xml;

import de.ozgkit.core.OzgClientException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.TransformerFactoryConfigurationError;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * The one place where ozgkit creates XML parsers, transformers and schema factories (JAXB
 * unmarshallers: {@link SecureJaxb}, which reads through this class). Everything it hands out
 * <ul>
 *   <li>refuses DTDs ({@code <!DOCTYPE>}), so neither external entities (XXE) nor entity expansion
 *       ("billion laughs") can happen;</li>
 *   <li>has external DTD, schema and stylesheet access switched off;</li>
 *   <li>enforces {@link XmlLimits}: document size, element depth and attributes per element.</li>
 * </ul>
 *
 * <p>It always uses the JDK's built-in implementations, whatever else is on the class path, so the
 * hardening settings are known to apply.
 *
 * <pre>{@code
 * Document doc = SecureXml.parse(in);                          // DOM, default limits
 * XMLStreamReader reader = SecureXml.streamReader(in, limits);  // StAX
 * }</pre>
 *
 * <p>Thread-safety: all static methods are thread-safe. The factories and parsers returned are new
 * objects and, as JAXP prescribes, not thread-safe themselves.
 *
 * <p>This class needs no library beyond the JDK: JAXB (optional for core) is used only by
 * {@link SecureJaxb}.
 */
public final class SecureXml {

    private static final String FEATURE_DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String FEATURE_EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String FEATURE_EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final String FEATURE_LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    private static final String JDK_MAX_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
    private static final String JDK_MAX_ATTRIBUTES = "http://www.oracle.com/xml/jaxp/properties/elementAttributeLimit";
    private static final String JDK_ENTITY_EXPANSION = "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit";

    private SecureXml() {
    }

    // ---------------------------------------------------------------- DOM

    /**
     * A namespace-aware, hardened DOM factory with the default limits.
     *
     * @return a new factory
     */
    public static DocumentBuilderFactory documentBuilderFactory() {
        return documentBuilderFactory(XmlLimits.DEFAULT);
    }

    /**
     * A namespace-aware, hardened DOM factory. The size limit cannot be applied by a factory; use
     * {@link #parse(InputStream, XmlLimits)} or {@link #limit(InputStream, long)} for it.
     *
     * @param limits depth and attribute limits
     * @return a new factory
     */
    public static DocumentBuilderFactory documentBuilderFactory(XmlLimits limits) {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(FEATURE_DISALLOW_DOCTYPE, true);
            f.setFeature(FEATURE_EXTERNAL_GENERAL, false);
            f.setFeature(FEATURE_EXTERNAL_PARAMETER, false);
            f.setFeature(FEATURE_LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "the JDK's DOM parser does not support a hardening feature", e, 0);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute(JDK_MAX_DEPTH, limits.maxDepth());
        f.setAttribute(JDK_MAX_ATTRIBUTES, limits.maxAttributes());
        f.setAttribute(JDK_ENTITY_EXPANSION, 1);
        return f;
    }

    /**
     * A hardened, namespace-aware {@link DocumentBuilder} with the default limits. Its error handler
     * is silent: errors surface as exceptions, not as console output.
     *
     * @return a new builder
     */
    public static DocumentBuilder newDocumentBuilder() {
        return newDocumentBuilder(XmlLimits.DEFAULT);
    }

    private static DocumentBuilder newDocumentBuilder(XmlLimits limits) {
        try {
            DocumentBuilder b = documentBuilderFactory(limits).newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            // no DTD is ever loaded; refuse anything that would try
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "cannot create the JDK's DOM parser", e, 0);
        }
    }

    /**
     * Parses a document into DOM with the default limits.
     *
     * @param in the document; not closed
     * @return the document
     * @throws XmlParseException if the document is not well-formed, declares a DTD or breaks a limit
     */
    public static Document parse(InputStream in) {
        return parse(in, XmlLimits.DEFAULT);
    }

    /**
     * Parses a document into DOM.
     *
     * @param in     the document; not closed
     * @param limits size, depth and attribute limits
     * @return the document
     * @throws XmlParseException if the document is not well-formed, declares a DTD or breaks a limit
     */
    public static Document parse(InputStream in, XmlLimits limits) {
        Objects.requireNonNull(in, "in");
        try {
            return newDocumentBuilder(limits).parse(limit(in, limits.maxBytes()));
        } catch (SAXException | IOException e) {
            throw translate(e, limits);
        }
    }

    // ---------------------------------------------------------------- SAX

    /**
     * A namespace-aware, hardened SAX parser factory with the default limits.
     *
     * @return a new factory
     */
    public static SAXParserFactory saxParserFactory() {
        return saxParserFactory(XmlLimits.DEFAULT);
    }

    /**
     * A namespace-aware, hardened SAX parser factory. Parsers it creates refuse DTDs; depth and
     * attribute limits apply to parsers made by {@link #saxParser(XmlLimits)}. Apply the size limit
     * with {@link #limit(InputStream, long)}.
     *
     * @param limits not used by the factory itself; kept for symmetry with the other factories
     * @return a new factory
     */
    public static SAXParserFactory saxParserFactory(XmlLimits limits) {
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setValidating(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(FEATURE_DISALLOW_DOCTYPE, true);
            f.setFeature(FEATURE_EXTERNAL_GENERAL, false);
            f.setFeature(FEATURE_EXTERNAL_PARAMETER, false);
            f.setFeature(FEATURE_LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "the JDK's SAX parser does not support a hardening feature", e, 0);
        }
        return f;
    }

    /**
     * A hardened SAX parser that also enforces the depth and attribute limits.
     *
     * @param limits depth and attribute limits (apply the size limit with {@link #limit(InputStream, long)})
     * @return a new parser
     */
    public static SAXParser saxParser(XmlLimits limits) {
        try {
            SAXParser parser = saxParserFactory(limits).newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.setProperty(JDK_MAX_DEPTH, limits.maxDepth());
            parser.setProperty(JDK_MAX_ATTRIBUTES, limits.maxAttributes());
            parser.setProperty(JDK_ENTITY_EXPANSION, 1);
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "cannot create the JDK's SAX parser", e, 0);
        }
    }

    // ---------------------------------------------------------------- StAX

    /**
     * A hardened StAX factory: no DTD support, no external entities, no entity replacement.
     * Prefer {@link #streamReader(InputStream, XmlLimits)}, which also enforces the limits and refuses
     * documents that declare a DTD.
     *
     * @return a new factory
     */
    public static XMLInputFactory xmlInputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicID, systemID, baseURI, namespace) -> {
            throw new XMLStreamException("external entity refused: " + systemID);
        });
        return f;
    }

    /**
     * A hardened, limit-enforcing StAX reader with the default limits.
     *
     * @param in the document; not closed by the reader
     * @return the reader; its methods throw {@link XMLStreamException}, which
     *         {@link #translate(Exception, XmlLimits)} turns into an {@link XmlParseException}
     * @throws XmlParseException if the reader cannot be created
     */
    public static XMLStreamReader streamReader(InputStream in) {
        return streamReader(in, XmlLimits.DEFAULT);
    }

    /**
     * A hardened, limit-enforcing StAX reader. It refuses a DTD as soon as it meets one, counts
     * element depth and attributes, and stops reading after {@code limits.maxBytes()} bytes.
     *
     * @param in     the document; not closed by the reader
     * @param limits size, depth and attribute limits
     * @return the reader
     * @throws XmlParseException if the reader cannot be created (e.g. the prolog is unreadable)
     */
    public static XMLStreamReader streamReader(InputStream in, XmlLimits limits) {
        Objects.requireNonNull(in, "in");
        try {
            return new GuardedStreamReader(xmlInputFactory().createXMLStreamReader(limit(in, limits.maxBytes())), limits);
        } catch (XMLStreamException e) {
            throw translate(e, limits);
        }
    }

    // ---------------------------------------------------------------- transformers and schemas

    /**
     * A hardened {@link TransformerFactory} (the JDK's): secure processing on, no external DTD or
     * stylesheet access. Use it for identity transforms and serialisation, not for untrusted
     * stylesheets.
     *
     * @return a new factory
     */
    public static TransformerFactory transformerFactory() {
        try {
            TransformerFactory f = TransformerFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            return f;
        } catch (javax.xml.transform.TransformerConfigurationException | TransformerFactoryConfigurationError e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "cannot harden the JDK's TransformerFactory", e, 0);
        }
    }

    /**
     * A hardened W3C XML Schema factory (the JDK's): secure processing on, no external DTD access;
     * schema imports and includes may only be resolved by the given protocols.
     *
     * @param schemaImportProtocols protocols allowed for {@code xs:import}/{@code xs:include}
     *                              of the schema itself, e.g. {@code "file,jar"} for schemas bundled in
     *                              a jar, or {@code ""} for none
     * @return a new factory
     */
    public static SchemaFactory schemaFactory(String schemaImportProtocols) {
        SchemaFactory f = SchemaFactory.newDefaultInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, schemaImportProtocols);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "cannot harden the JDK's SchemaFactory", e, 0);
        }
        return f;
    }

    // ---------------------------------------------------------------- limits and errors

    /**
     * Wraps a stream so that reading more than {@code maxBytes} bytes fails with an
     * {@link IOException} that {@link #translate(Exception, XmlLimits)} reports as
     * {@link XmlParseException.Reason#TOO_LARGE}.
     *
     * @param in       the stream
     * @param maxBytes the most bytes that may be read
     * @return the limited stream; closing it closes {@code in}
     */
    public static InputStream limit(InputStream in, long maxBytes) {
        return new LimitedInputStream(in, maxBytes);
    }

    /**
     * Turns any exception a parser threw into an {@link XmlParseException} with a reason and, where
     * known, line and column.
     *
     * @param e      the parser's exception
     * @param limits the limits in force, named in the message
     * @return the translated exception (not thrown)
     */
    public static XmlParseException translate(Exception e, XmlLimits limits) {
        if (e instanceof XmlParseException xpe) {
            return xpe;
        }
        for (Throwable t : causes(e)) {
            if (t instanceof XmlParseException xpe) {
                return xpe;
            }
            if (t instanceof SizeLimitExceeded) {
                return new XmlParseException(XmlParseException.Reason.TOO_LARGE,
                        "XML document is larger than the limit of " + limits.maxBytes() + " bytes", -1, -1, e);
            }
        }
        int line = -1;
        int column = -1;
        String msg = String.valueOf(rootMessage(e));
        for (Throwable t : causes(e)) {
            if (t instanceof SAXParseException spe) {
                line = spe.getLineNumber();
                column = spe.getColumnNumber();
                break;
            }
            if (t instanceof XMLStreamException xse && xse.getLocation() != null) {
                Location loc = xse.getLocation();
                line = loc.getLineNumber();
                column = loc.getColumnNumber();
                break;
            }
        }
        if (msg.contains("DOCTYPE") || msg.contains("doctype") || msg.contains("DTD")) {
            return new XmlParseException(XmlParseException.Reason.DOCTYPE_FORBIDDEN,
                    "XML document declares a DTD (<!DOCTYPE>); DTDs are refused because they allow external entities"
                            + " and entity expansion. Remove the DOCTYPE declaration", line, column, e);
        }
        if (msg.contains("maxElementDepth") || msg.contains("depth")) {
            return new XmlParseException(XmlParseException.Reason.TOO_DEEP,
                    "XML elements are nested deeper than the limit of " + limits.maxDepth(), line, column, e);
        }
        if (msg.contains("JAXP000")) {
            return new XmlParseException(XmlParseException.Reason.LIMIT_EXCEEDED,
                    "XML document exceeds a parser limit: " + msg, line, column, e);
        }
        if (e instanceof IOException && !(e.getCause() instanceof SAXException)) {
            return new XmlParseException(XmlParseException.Reason.IO, "XML document could not be read: " + msg,
                    line, column, e);
        }
        return new XmlParseException(XmlParseException.Reason.MALFORMED, "XML document is not well-formed: " + msg,
                line, column, e);
    }

    private static String rootMessage(Throwable e) {
        String msg = e.getMessage();
        for (Throwable t : causes(e)) {
            if (t.getMessage() != null) {
                msg = t.getMessage();
            }
        }
        // the JDK's StAX parser puts its location in front ("ParseError at [row,col]:[1,1]\nMessage: ...");
        // the location is reported separately, so only the message itself is kept
        return msg == null ? null : STAX_LOCATION.matcher(msg).replaceFirst("").strip();
    }

    private static final java.util.regex.Pattern STAX_LOCATION =
            java.util.regex.Pattern.compile("^ParseError at \\[row,col\\]:\\[-?\\d+,-?\\d+\\]\\s*Message:\\s*");

    /** The exception and its causes, following StAX's nested exceptions too (JAXB's linked exception is its cause). */
    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        Throwable t = e;
        while (t != null && chain.size() < 20 && !chain.contains(t)) {
            chain.add(t);
            Throwable next = t.getCause();
            if (next == null && t instanceof XMLStreamException xse) {
                next = xse.getNestedException();
            }
            t = next;
        }
        return chain;
    }

    /** Marker for the size limit, so that it can be told apart from other I/O failures. */
    static final class SizeLimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        SizeLimitExceeded(long max) {
            super("XML document is larger than the limit of " + max + " bytes");
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws SizeLimitExceeded {
            count += n;
            if (count > max) {
                throw new SizeLimitExceeded(max);
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Refuses DTDs and enforces depth and attribute limits on top of the JDK's StAX reader. */
    private static final class GuardedStreamReader extends StreamReaderDelegate {
        private final XmlLimits limits;
        private int depth;

        GuardedStreamReader(XMLStreamReader reader, XmlLimits limits) {
            super(reader);
            this.limits = limits;
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new XMLStreamException(
                        "XML document declares a DTD (<!DOCTYPE>)", getLocation());
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > limits.maxDepth()) {
                        throw new XMLStreamException("element depth exceeds the limit of " + limits.maxDepth(), getLocation());
                    }
                    if (getAttributeCount() > limits.maxAttributes()) {
                        throw new XMLStreamException("JAXP00010002: element has more than " + limits.maxAttributes()
                                + " attributes", getLocation());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "undeclared entity reference &" + getLocalName() + ";", getLocation());
                default -> {
                    // other events pass through
                }
            }
            return event;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
                    || (event == XMLStreamConstants.CDATA && isWhiteSpace())
                    || event == XMLStreamConstants.SPACE
                    || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || event == XMLStreamConstants.COMMENT) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected a start or end tag", getLocation());
            }
            return event;
        }

        @Override
        public String getElementText() throws XMLStreamException {
            if (getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("getElementText needs a START_ELEMENT", getLocation());
            }
            StringBuilder sb = new StringBuilder();
            while (true) {
                int event = next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            sb.append(getText());
                    case XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.COMMENT -> {
                        // skipped
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return sb.toString();
                    }
                    default -> throw new XMLStreamException("element text contains a child element", getLocation());
                }
            }
        }
    }
}
