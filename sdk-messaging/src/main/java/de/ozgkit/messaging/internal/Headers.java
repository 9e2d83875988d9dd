package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.Feedback;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** The header blocks and body fragments shared by requests and answers, in canonical form. */
public final class Headers {

    private Headers() {
    }

    /**
     * @param languages e.g. {@code "de"}
     * @return the DesiredLanguages header block
     */
    public static String desiredLanguages(String languages) {
        StringBuilder sb = new StringBuilder("<osci:DesiredLanguages").append(OsciXml.NS_DECLS)
                .append(" Id=\"desiredlanguages\" LanguagesList=\"");
        OsciXml.attr(sb, languages);
        return sb.append("\" soap:actor=\"").append(OsciXml.ACTOR_NEXT)
                .append("\" soap:mustUnderstand=\"1\"></osci:DesiredLanguages>").toString();
    }

    /**
     * @param service {@code creation} or {@code reception}
     * @return a QualityOfTimestamp header block asking for plain timestamps
     */
    public static String qualityOfTimestamp(String service) {
        return "<osci:QualityOfTimestamp" + OsciXml.NS_DECLS + " Id=\"qualityoftimestamp_" + service
                + "\" Quality=\"plain\" Service=\"" + service + "\" soap:actor=\"" + OsciXml.ACTOR_NEXT
                + "\" soap:mustUnderstand=\"1\"></osci:QualityOfTimestamp>";
    }

    /**
     * @param signature the intermediary's signature certificate
     * @return the IntermediaryCertificates header block of an answer
     */
    public static String intermediaryCertificates(X509Certificate signature) {
        StringBuilder sb = new StringBuilder(2048).append("<osci:IntermediaryCertificates").append(OsciXml.NS_DECLS)
                .append(" Id=\"intermediarycertificates\" soap:actor=\"").append(OsciXml.ACTOR_NONE)
                .append("\" soap:mustUnderstand=\"1\">");
        Certs.append(sb, "SignatureCertificateIntermediary", intermediarySignatureId(signature), signature);
        return sb.append("</osci:IntermediaryCertificates>").toString();
    }

    /**
     * @param signature the intermediary's signature certificate
     * @return the Id of its element in IntermediaryCertificates
     */
    public static String intermediarySignatureId(X509Certificate signature) {
        return Certs.refId("intermed_signature", signature);
    }

    /** One entry of the NonIntermediaryCertificates header. */
    public record CertEntry(String element, String id, X509Certificate certificate) {
    }

    /** The order of the elements in NonIntermediaryCertificates that the schema prescribes. */
    private static final List<String> ORDER = List.of("CipherCertificateOriginator", "CipherCertificateOtherAuthor",
            "CipherCertificateAddressee", "CipherCertificateOtherReader", "SignatureCertificateOriginator",
            "SignatureCertificateOtherAuthor", "SignatureCertificateAddressee");

    /**
     * @param entries the certificates, in any order (sorted here as the schema prescribes)
     * @return the NonIntermediaryCertificates header block
     */
    public static String nonIntermediaryCertificates(List<CertEntry> entries) {
        StringBuilder sb = new StringBuilder(4096).append("<osci:NonIntermediaryCertificates").append(OsciXml.NS_DECLS)
                .append(" Id=\"nonintermediarycertificates\" soap:actor=\"").append(OsciXml.ACTOR_NONE)
                .append("\" soap:mustUnderstand=\"1\">");
        for (String el : ORDER) {
            for (CertEntry e : entries) {
                if (e.element().equals(el)) {
                    Certs.append(sb, el, e.id(), e.certificate());
                }
            }
        }
        return sb.append("</osci:NonIntermediaryCertificates>").toString();
    }

    /**
     * @param entries feedback entries
     * @return the {@code osci:Feedback} element
     */
    public static String feedback(List<Feedback> entries) {
        StringBuilder sb = new StringBuilder("<osci:Feedback>");
        for (Feedback f : entries) {
            sb.append("<osci:Entry");
            if (f.language() != null) {
                OsciXml.attr(sb.append(" xml:lang=\""), f.language()).append('"');
            }
            sb.append("><osci:Code>");
            OsciXml.text(sb, f.code()).append("</osci:Code><osci:Text>");
            OsciXml.text(sb, f.text()).append("</osci:Text></osci:Entry>");
        }
        return sb.append("</osci:Feedback>").toString();
    }

    /**
     * @param messageId a message id as issued by the intermediary
     * @return its wire form: base64 of its UTF-8 bytes
     */
    public static String encodeMessageId(String messageId) {
        return Base64.getEncoder().encodeToString(messageId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * @param wire the base64 text of an {@code osci:MessageId}
     * @return the message id
     */
    public static String decodeMessageId(String wire) {
        return new String(TransportEnvelope.decode(wire, "message id"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param bodyContent the body's child elements
     * @return a {@code soap:Body} with Id {@code body}
     */
    public static String body(String bodyContent) {
        return "<soap:Body" + OsciXml.NS_DECLS + " Id=\"body\">" + bodyContent + "</soap:Body>";
    }

    /**
     * A SOAP fault answer (no header, not signed), as the message-level errors are sent.
     *
     * @param server whether the fault is the server's ({@code soap:Server}) rather than the client's
     * @param code   the OSCI code
     * @param text   the fault string
     * @return the SOAP envelope
     */
    public static String fault(boolean server, String code, String text) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n\r\n<soap:Envelope")
                .append(OsciXml.NS_DECLS).append("><soap:Body><soap:Fault><faultcode>soap:").append(server ? "Server" : "Client")
                .append("</faultcode><faultstring>");
        OsciXml.text(sb, text).append("</faultstring><detail><osci:Code>").append(code)
                .append("</osci:Code></detail></soap:Fault></soap:Body></soap:Envelope>");
        return sb.toString();
    }
}
