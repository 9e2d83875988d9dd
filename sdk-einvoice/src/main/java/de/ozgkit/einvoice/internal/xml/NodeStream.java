package de.ozgkit.einvoice.internal.xml;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import de.ozgkit.einvoice.EInvoiceFormatException;
import de.ozgkit.einvoice.EInvoiceFormatException.Reason;
import java.util.ArrayList;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a document with the hardened StAX reader and hands out one small subtree at a time. Every
 * parser failure becomes an {@link EInvoiceFormatException} with line and column. Not API.
 */
final class NodeStream implements AutoCloseable {

    private final XMLStreamReader r;
    private final XmlLimits limits;

    NodeStream(java.io.InputStream in, XmlLimits limits) {
        this.limits = limits;
        try {
            this.r = SecureXml.streamReader(in, limits);
        } catch (XmlParseException e) {
            throw translate(e);
        }
    }

    EInvoiceFormatException translate(Exception e) {
        XmlParseException x = e instanceof XmlParseException xpe ? xpe : SecureXml.translate(e, limits);
        Reason reason = switch (x.reason()) {
            case DOCTYPE_FORBIDDEN -> Reason.UNSAFE_XML;
            case TOO_LARGE, TOO_DEEP, LIMIT_EXCEEDED -> Reason.LIMIT_EXCEEDED;
            case IO -> Reason.IO;
            default -> Reason.NOT_XML;
        };
        String msg = x.messageWithoutLocation();
        if (x.reason() == XmlParseException.Reason.MALFORMED) {
            // one message, not the parser's text behind two prefixes
            msg = "not XML: " + msg.replaceFirst("^XML document is not well-formed: ", "");
        }
        return new EInvoiceFormatException(reason, msg, x.line(), x.column(), e);
    }

    /** @return the root element's start, positioned on it */
    XmlNode root() {
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    return start();
                }
                if (ev == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
                    break;
                }
            }
        } catch (XMLStreamException e) {
            throw translate(e);
        }
        throw new EInvoiceFormatException(Reason.NOT_XML, "the input has no root element; it is not an XML document",
                -1, -1, null);
    }

    private XmlNode start() {
        Location loc = r.getLocation();
        int n = r.getAttributeCount();
        String[] attrs = null;
        if (n > 0) {
            attrs = new String[2 * n];
            for (int i = 0; i < n; i++) {
                attrs[2 * i] = r.getAttributeLocalName(i);
                attrs[2 * i + 1] = r.getAttributeValue(i);
            }
        }
        String ns = r.getNamespaceURI();
        return new XmlNode(ns == null ? "" : ns, r.getLocalName(), loc.getLineNumber(), loc.getColumnNumber(), attrs);
    }

    /**
     * Moves to the next child start element of the current element.
     *
     * @return the child's start (its content not yet read), or {@code null} at the parent's end
     */
    XmlNode nextChild() {
        try {
            while (true) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT:
                        return start();
                    case XMLStreamConstants.END_ELEMENT:
                        return null;
                    default:
                        // text between blocks, comments and processing instructions are skipped
                }
            }
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    /**
     * Reads the content of the element whose start {@link #nextChild()} just returned.
     *
     * @param node that element
     * @return the same node with text and children filled in
     */
    XmlNode fill(XmlNode node) {
        try {
            StringBuilder text = null;
            while (true) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        XmlNode child = fill(start());
                        if (node.children == null) {
                            node.children = new ArrayList<>(4);
                        }
                        node.children.add(child);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text == null) {
                            text = new StringBuilder();
                        }
                        text.append(r.getText());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (node.children == null && text != null) {
                            node.text = text.toString();
                        }
                        return node;
                    }
                    default -> {
                        // comments and processing instructions carry no invoice content
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    /** Reads to the end of the document, so that truncation and trailing garbage are detected. */
    void finish() {
        try {
            while (r.hasNext()) {
                r.next();
            }
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    @Override
    public void close() {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing left to release
        }
    }
}
