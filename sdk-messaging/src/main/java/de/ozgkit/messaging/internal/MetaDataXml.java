package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.MessageMetaData;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Writes and reads the MessageMetaData header block (version 2.0.2) as the OSCI library carries it:
 * a custom SOAP header with {@code Id="MetaData"} and the envelope's namespaces declared on it, so
 * that the message signature covers it like every other block.
 */
public final class MetaDataXml {

    /** The namespace of MessageMetaData 2.0.2. */
    public static final String NS = "http://www.osci.eu/ws/2014/10/transport";
    /** WS-Addressing, for the message id. */
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    /** The Id the header block carries. */
    public static final String ID = "MetaData";

    private MetaDataXml() {
    }

    /**
     * @param m the metadata
     * @return the header block
     */
    public static String write(MessageMetaData m) {
        StringBuilder sb = new StringBuilder(1024).append("<m:MessageMetaData").append(OsciXml.NS_DECLS)
                .append(" xmlns:m=\"").append(NS).append("\" xmlns:wsa=\"").append(WSA).append("\" Id=\"").append(ID).append('"');
        if (m.testMsg()) {
            sb.append(" TestMsg=\"true\"");
        }
        sb.append("><m:DeliveryAttributes>");
        if (m.origin() != null) {
            sb.append("<m:Origin>").append(ProcessCardXml.format(m.origin())).append("</m:Origin>");
        }
        sb.append("</m:DeliveryAttributes><m:Originators><m:Author>");
        party(sb, m.author());
        sb.append("</m:Author></m:Originators><m:Destinations><m:Reader>");
        party(sb, m.reader());
        sb.append("</m:Reader></m:Destinations><m:MsgIdentification><wsa:MessageID>");
        OsciXml.text(sb, m.messageId()).append("</wsa:MessageID>");
        for (String r : m.inReplyTo()) {
            OsciXml.text(sb.append("<m:In-Reply-To>"), r).append("</m:In-Reply-To>");
        }
        sb.append("</m:MsgIdentification><m:Qualifier>");
        if (m.subject() != null) {
            OsciXml.text(sb.append("<m:Subject>"), m.subject()).append("</m:Subject>");
        }
        OsciXml.text(sb.append("<m:Service>"), m.service()).append("</m:Service><m:BusinessScenario>");
        if (m.businessScenario() != null) {
            code(sb.append("<m:Defined"), m.businessScenario(), null).append("</m:Defined>");
        } else {
            OsciXml.text(sb.append("<m:Undefined>"), m.businessScenarioUndefined()).append("</m:Undefined>");
        }
        sb.append("</m:BusinessScenario>");
        code(sb.append("<m:MessageType"), m.messageType(), m.payloadSchema()).append("</m:MessageType></m:Qualifier>");
        if (m.msgSize() != null) {
            sb.append("<m:MsgSize>").append(m.msgSize()).append("</m:MsgSize>");
        }
        return sb.append("</m:MessageMetaData>").toString();
    }

    private static void party(StringBuilder sb, MessageMetaData.Party p) {
        OsciXml.attr(sb.append("<m:Identifier type=\""), p.type()).append('"');
        if (p.name() != null) {
            OsciXml.attr(sb.append(" name=\""), p.name()).append('"');
        }
        if (p.category() != null) {
            OsciXml.attr(sb.append(" category=\""), p.category()).append('"');
        }
        OsciXml.text(sb.append('>'), p.identifier()).append("</m:Identifier>");
    }

    private static StringBuilder code(StringBuilder sb, MessageMetaData.Code c, String payloadSchema) {
        OsciXml.attr(sb.append(" listURI=\""), c.listUri()).append('"');
        OsciXml.attr(sb.append(" listVersionID=\""), c.listVersionId()).append('"');
        if (payloadSchema != null) {
            OsciXml.attr(sb.append(" payloadSchema=\""), payloadSchema).append('"');
        }
        OsciXml.text(sb.append("><code>"), c.code()).append("</code>");
        if (c.name() != null) {
            OsciXml.text(sb.append("<name>"), c.name()).append("</name>");
        }
        return sb;
    }

    /**
     * @param msg a message
     * @return its MessageMetaData header, {@code null} when it has none
     * @throws OsciException of check STRUCTURE when the header is malformed
     */
    public static MessageMetaData read(IncomingMessage msg) {
        Optional<Element> h = msg.header(NS, "MessageMetaData");
        return h.map(MetaDataXml::read).orElse(null);
    }

    /**
     * @param e the {@code MessageMetaData} element
     * @return the metadata
     * @throws OsciException of check STRUCTURE when malformed
     */
    public static MessageMetaData read(Element e) {
        try {
            Element da = Dom.one(e, NS, "DeliveryAttributes");
            Element ids = Dom.one(e, NS, "MsgIdentification");
            Element q = Dom.one(e, NS, "Qualifier");
            Element bs = Dom.one(q, NS, "BusinessScenario");
            Element mt = Dom.one(q, NS, "MessageType");
            List<String> replies = new ArrayList<>();
            for (Element r : Dom.children(ids, NS, "In-Reply-To")) {
                replies.add(Dom.text(r));
            }
            String test = e.getAttribute("TestMsg").trim();
            return new MessageMetaData(
                    Dom.optional(da, NS, "Origin").map(o -> ProcessCardXml.parse(Dom.text(o))).orElse(null),
                    party(Dom.one(Dom.one(e, NS, "Originators"), NS, "Author")),
                    party(Dom.one(Dom.one(e, NS, "Destinations"), NS, "Reader")),
                    Dom.text(Dom.one(ids, WSA, "MessageID")).trim(), replies,
                    Dom.optional(q, NS, "Subject").map(Dom::text).orElse(null),
                    Dom.text(Dom.one(q, NS, "Service")).trim(),
                    Dom.optional(bs, NS, "Defined").map(MetaDataXml::code).orElse(null),
                    Dom.optional(bs, NS, "Undefined").map(Dom::text).orElse(null),
                    code(mt), mt.getAttribute("payloadSchema"),
                    Dom.optional(e, NS, "MsgSize").map(s -> Long.parseLong(Dom.text(s).trim())).orElse(null),
                    test.equals("true") || test.equals("1"));
        } catch (NumberFormatException ex) {
            throw new OsciException(OsciCheck.STRUCTURE, "the MessageMetaData header is malformed: " + ex.getMessage(), ex);
        }
    }

    private static MessageMetaData.Party party(Element holder) {
        Element id = Dom.one(holder, NS, "Identifier");
        return new MessageMetaData.Party(id.getAttribute("type"), Dom.text(id), id.hasAttribute("name") ? id.getAttribute("name")
                : null, id.hasAttribute("category") ? id.getAttribute("category") : null);
    }

    private static MessageMetaData.Code code(Element e) {
        Element code = Dom.one(e, null, "code");
        return new MessageMetaData.Code(Dom.text(code).trim(), Dom.optional(e, null, "name").map(Dom::text).orElse(null),
                e.getAttribute("listURI"), e.getAttribute("listVersionID"));
    }
}
