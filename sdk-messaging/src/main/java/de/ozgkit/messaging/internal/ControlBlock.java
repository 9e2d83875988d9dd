package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import java.util.Base64;
import org.w3c.dom.Element;

/**
 * The OSCI dialog control block: conversation id, sequence number and the challenge / response pair
 * that chains each request to the previous answer.
 *
 * @param conversationId the conversation id, may be {@code null}
 * @param sequenceNumber the sequence number, may be {@code null}
 * @param response       the answer to the other side's last challenge, may be {@code null}
 * @param challenge      a fresh challenge for the other side, may be {@code null}
 */
public record ControlBlock(String conversationId, Integer sequenceNumber, String response, String challenge) {

    /** @return a fresh random challenge (10 random bytes, base64) */
    public static String newChallenge() {
        return Base64.getEncoder().encodeToString(Crypto.random(10));
    }

    /** @return the control block as canonical XML with the envelope's namespaces */
    public String toXml() {
        StringBuilder sb = new StringBuilder(512).append("<osci:ControlBlock").append(OsciXml.NS_DECLS);
        if (conversationId != null) {
            OsciXml.attr(sb.append(" ConversationId=\""), conversationId).append('"');
        }
        sb.append(" Id=\"controlblock\"");
        if (sequenceNumber != null) {
            sb.append(" SequenceNumber=\"").append(sequenceNumber).append('"');
        }
        sb.append(" soap:actor=\"").append(OsciXml.ACTOR_NEXT).append("\" soap:mustUnderstand=\"1\">");
        if (response != null) {
            OsciXml.text(sb.append("<osci:Response>"), response).append("</osci:Response>");
        }
        if (challenge != null) {
            OsciXml.text(sb.append("<osci:Challenge>"), challenge).append("</osci:Challenge>");
        }
        return sb.append("</osci:ControlBlock>").toString();
    }

    /**
     * @param e the {@code osci:ControlBlock} element
     * @return the control block
     * @throws OsciException of check STRUCTURE when malformed
     */
    public static ControlBlock parse(Element e) {
        Integer seq = null;
        String s = Dom.attr(e, "SequenceNumber").orElse(null);
        if (s != null) {
            if (!s.matches("\\d{1,9}")) {
                throw new OsciException(OsciCheck.CONTROL_BLOCK, "the control block's SequenceNumber \"" + s + "\" is not a number");
            }
            seq = Integer.valueOf(s);
        }
        String conv = Dom.attr(e, "ConversationId").orElse(null);
        if (conv != null && !conv.matches("\\d{1,40}")) {
            throw new OsciException(OsciCheck.CONTROL_BLOCK, "the control block's ConversationId is not a number");
        }
        for (Element c : Dom.children(e)) {
            if (!Dom.is(c, OsciXml.OSCI, "Response") && !Dom.is(c, OsciXml.OSCI, "Challenge")) {
                throw new OsciException(OsciCheck.STRUCTURE, "unexpected element " + c.getLocalName() + " in the control block");
            }
        }
        String response = Dom.optional(e, OsciXml.OSCI, "Response").map(Dom::text).orElse(null);
        String challenge = Dom.optional(e, OsciXml.OSCI, "Challenge").map(Dom::text).orElse(null);
        return new ControlBlock(conv, seq, response, challenge);
    }
}
