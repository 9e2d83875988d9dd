package de.ozgkit.account.internal;

import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses SAML messages with {@link SecureXml}'s hardened factory (no DTDs, depth and attribute
 * limits) and its size limit, keeping one document builder per thread and limits: creating the
 * hardened factory costs several times the parse of a response, and a relying party parses two
 * documents per login. Errors are translated by {@link SecureXml#translate}. Thread-safe.
 */
final class XmlParsers {

    private static final ThreadLocal<Map<XmlLimits, DocumentBuilder>> BUILDERS = ThreadLocal.withInitial(HashMap::new);

    private static final DefaultHandler STRICT = new DefaultHandler() {
        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmlParsers() {
    }

    /**
     * @param xml    the document
     * @param limits size, depth and attribute limits
     * @return the document
     * @throws XmlParseException when it is not well-formed, declares a DTD or breaks a limit
     */
    static Document parse(byte[] xml, XmlLimits limits) {
        DocumentBuilder builder = BUILDERS.get().computeIfAbsent(limits, XmlParsers::newBuilder);
        builder.reset();
        builder.setErrorHandler(STRICT);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
        });
        try {
            return builder.parse(SecureXml.limit(new ByteArrayInputStream(xml), limits.maxBytes()));
        } catch (SAXException | IOException e) {
            throw SecureXml.translate(e, limits);
        }
    }

    private static DocumentBuilder newBuilder(XmlLimits limits) {
        try {
            return SecureXml.documentBuilderFactory(limits).newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                    "this Java runtime cannot create a hardened DOM parser: " + e.getMessage(), e, 0);
        }
    }
}
