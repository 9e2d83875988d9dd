package de.ozgkit.account.internal;

import de.ozgkit.account.SamlCheck;
import de.ozgkit.account.AccountException;
import de.ozgkit.account.SamlValidationException;
import de.ozgkit.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Namespaces of SAML 2.0 and the akdb extension, and strict DOM reading helpers. */
public final class SamlDom {

    /** SAML 2.0 protocol. */
    public static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    /** SAML 2.0 assertion. */
    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    /** SAML 2.0 metadata. */
    public static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    /** XML Signature. */
    public static final String DS = XMLSignature.XMLNS;
    /** XML Encryption. */
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    /** XML Schema instance. */
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** The akdb extension of BundID. */
    public static final String AKDB = "https://www.akdb.de/request/2018/09";
    /** The classic UI display information of the akdb extension. */
    public static final String CLASSIC_UI = "https://www.akdb.de/request/2018/09/classic-ui/v1";
    /** Status code Success. */
    public static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    /** Bearer subject confirmation. */
    public static final String CM_BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    /** Persistent NameID format. */
    public static final String NAMEID_PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    private SamlDom() {
    }

    /**
     * @param e  the element
     * @param ns namespace URI
     * @param local local name
     * @return whether the element has that name
     */
    public static boolean is(Node e, String ns, String local) {
        return e != null && e.getNodeType() == Node.ELEMENT_NODE && local.equals(e.getLocalName())
                && ns.equals(e.getNamespaceURI());
    }

    /**
     * @param e the parent
     * @return its element children in order
     */
    public static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /**
     * @param e     the parent
     * @param ns    namespace of the children
     * @param local local name of the children
     * @return the matching element children in order
     */
    public static List<Element> children(Element e, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Element c : children(e)) {
            if (is(c, ns, local)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * @param e     the parent
     * @param ns    namespace
     * @param local local name
     * @return the only such child, or {@code null} when there is none
     * @throws SamlValidationException (STRUCTURE) when there are several
     */
    public static Element optionalChild(Element e, String ns, String local) {
        List<Element> c = children(e, ns, local);
        if (c.size() > 1) {
            throw new SamlValidationException(SamlCheck.STRUCTURE, e.getLocalName() + " holds " + c.size() + " "
                    + local + " elements where at most one is allowed");
        }
        return c.isEmpty() ? null : c.get(0);
    }

    /**
     * @param e     the parent
     * @param ns    namespace
     * @param local local name
     * @return the only such child
     * @throws SamlValidationException (STRUCTURE) when there is none or several
     */
    public static Element requiredChild(Element e, String ns, String local) {
        Element c = optionalChild(e, ns, local);
        if (c == null) {
            throw new SamlValidationException(SamlCheck.STRUCTURE, e.getLocalName() + " lacks the required " + local
                    + " element");
        }
        return c;
    }

    /**
     * An unqualified attribute's value.
     *
     * @param e    the element
     * @param name the attribute name
     * @return the value, {@code null} when absent
     */
    public static String attr(Element e, String name) {
        Attr a = e.getAttributeNodeNS(null, name);
        return a == null ? null : a.getValue();
    }

    /**
     * The text of a text-only element, exactly as written (never trimmed or normalised). Only text
     * and CDATA children are allowed: a comment, processing instruction or child element would let
     * a reader that stops at the first text node see something else than what was signed.
     *
     * @param e the element
     * @return the text
     * @throws SamlValidationException (TEXT_CONTENT) for any other child
     */
    public static String text(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> sb.append(n.getNodeValue());
                case Node.COMMENT_NODE -> throw new SamlValidationException(SamlCheck.TEXT_CONTENT, e.getLocalName()
                        + " contains an XML comment; text-only SAML elements must hold plain text (a comment can make"
                        + " a reader see only part of the signed value)");
                case Node.PROCESSING_INSTRUCTION_NODE -> throw new SamlValidationException(SamlCheck.TEXT_CONTENT,
                        e.getLocalName() + " contains a processing instruction; text-only SAML elements must hold plain text");
                default -> throw new SamlValidationException(SamlCheck.TEXT_CONTENT, e.getLocalName()
                        + " contains markup where plain text is expected");
            }
        }
        return sb.toString();
    }

    /**
     * Parses an xs:dateTime attribute.
     *
     * @param e     the element
     * @param name  attribute name
     * @param check the check to name when it is malformed
     * @return the instant, {@code null} when absent
     */
    public static Instant instant(Element e, String name, SamlCheck check) {
        String v = attr(e, name);
        if (v == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(v.strip()).toInstant();
        } catch (DateTimeParseException ex) {
            try {
                // xs:dateTime without a zone; SAML requires UTC
                return java.time.LocalDateTime.parse(v.strip()).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException ex2) {
                throw new SamlValidationException(check, e.getLocalName() + "/@" + name
                        + " is not an xs:dateTime in UTC: \"" + v + "\"");
            }
        }
    }

    /**
     * Refuses a document in which two elements carry the same ID value (in an attribute named
     * {@code ID}, {@code Id} or {@code id}): with duplicates, "the element with this ID" is ambiguous,
     * which is what signature wrapping attacks play with.
     *
     * @param root the document element
     * @throws SamlValidationException (SIGNATURE) on a duplicate
     */
    public static void requireUniqueIds(Element root) {
        Set<String> seen = new HashSet<>();
        List<Element> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Element e = stack.remove(stack.size() - 1);
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String n = a.getLocalName() == null ? a.getName() : a.getLocalName();
                if (a.getNamespaceURI() == null && (n.equals("ID") || n.equals("Id") || n.equals("id"))
                        && !seen.add(a.getValue())) {
                    throw new SamlValidationException(SamlCheck.SIGNATURE, "the ID \"" + a.getValue()
                            + "\" occurs on more than one element; such documents are refused (signature wrapping)");
                }
            }
            stack.addAll(children(e));
        }
    }

    /**
     * Serialises a node as UTF-8 without an XML declaration and without reformatting.
     *
     * @param node the node
     * @return the bytes
     */
    public static byte[] serialize(Node node) {
        try {
            Transformer t = SecureXml.transformerFactory().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new AccountException("cannot serialise the SAML element " + node.getNodeName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param node the node
     * @return the node serialised as a string
     */
    public static String serializeToString(Node node) {
        return new String(serialize(node), StandardCharsets.UTF_8);
    }
}
