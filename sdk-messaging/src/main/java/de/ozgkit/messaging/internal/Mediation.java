package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.Decrypter;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.Feedback;
import de.ozgkit.messaging.MediationResult;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.MessageMetaData;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.SignedEvidence;
import de.ozgkit.messaging.StoreReceipt;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The client's side of the passive recipient: ForwardDelivery (the intermediary hands the delivery
 * to the recipient at once) and MediateDelivery (the recipient's reply comes back in the answer).
 */
final class Mediation {

    private Mediation() {
    }

    /** The order header of ForwardDelivery or MediateDelivery. */
    static String order(String name, URI receiver, MessageId id, String subject) {
        StringBuilder sb = new StringBuilder("<osci:").append(name).append(OsciXml.NS_DECLS).append(" Id=\"")
                .append(name.toLowerCase(java.util.Locale.ROOT)).append("\" soap:actor=\"").append(OsciXml.ACTOR_NEXT)
                .append("\" soap:mustUnderstand=\"1\"><osci:ContentReceiver URI=\"");
        OsciXml.attr(sb, receiver.toString()).append("\"></osci:ContentReceiver>");
        if (id != null) {
            sb.append("<osci:MessageId>").append(Headers.encodeMessageId(id.value())).append("</osci:MessageId>");
            if (subject != null) {
                OsciXml.text(sb.append("<osci:Subject>"), subject).append("</osci:Subject>");
            }
        }
        return sb.append("</osci:").append(name).append('>').toString();
    }

    /** Adds everything after the control block and DesiredLanguages. */
    static void fill(OutgoingMessage req, OsciIdentity originator, Delivery delivery, String order,
                     ContentWriter.Result content, MessageMetaData meta) {
        List<Headers.CertEntry> certs = new ArrayList<>(content.certificates());
        X509Certificate cipher = originator.decrypter().certificate();
        certs.add(new Headers.CertEntry("CipherCertificateOriginator", Certs.refId("originator_cipher", cipher), cipher));
        certs.add(new Headers.CertEntry("CipherCertificateAddressee", Certs.refId("addressee_cipher", delivery.addressee()),
                delivery.addressee()));
        certs.add(new Headers.CertEntry("SignatureCertificateOriginator",
                Certs.refId("originator_signature", originator.signer().certificate()), originator.signer().certificate()));
        req.header(Headers.qualityOfTimestamp("creation")).header(Headers.qualityOfTimestamp("reception")).header(order)
                .header(Headers.nonIntermediaryCertificates(certs));
        if (meta != null) {
            req.header(MetaDataXml.write(meta));
        }
        req.body(Headers.body(content.contentPackage()));
        content.attachments().forEach(req::attachment);
    }

    static StoreReceipt forward(DefaultOsciClient client, Delivery delivery, URI receiver, MessageMetaData meta) {
        Crypto.requireStrongKey(delivery.addressee(), "addressee's cipher certificate");
        MessageId id = delivery.messageId() != null ? delivery.messageId() : client.recovering(client::getMessageId);
        ContentWriter.Result content = ContentWriter.write(delivery.containers());
        try {
            String challenge = ControlBlock.newChallenge();
            OutgoingMessage req = new OutgoingMessage("soapForwardDelivery.xsd")
                    .header(new ControlBlock(null, 0, null, challenge).toXml()).header(Headers.desiredLanguages("de"));
            fill(req, client.originator(), delivery, order("forwardDelivery", receiver, id, delivery.subject()), content, meta);
            byte[] soap = req.soap(client.originator().signer(), OutgoingMessage.SignatureKind.CLIENT,
                    Certs.refId("originator_signature", client.originator().signer().certificate()));
            try (Spool plain = new Spool()) {
                try (var o = plain.output()) {
                    req.write(o, soap);
                } catch (IOException e) {
                    throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
                }
                try (IncomingMessage answer = client.checked(client.post(plain), "soapResponseToForwardDelivery.xsd", challenge,
                        null, 0)) {
                    return client.receipt(answer, answer.requireHeader("responseToForwardDelivery"), id);
                }
            }
        } finally {
            content.spools().forEach(Spool::close);
        }
    }

    static MediationResult mediate(DefaultOsciClient client, DefaultOsciClient.Dialog dialog, Delivery delivery, URI receiver,
                                   MessageMetaData meta, Decrypter... readers) {
        Crypto.requireStrongKey(delivery.addressee(), "addressee's cipher certificate");
        // the schema carries a subject only together with a message id
        MessageId id = delivery.messageId() != null || delivery.subject() == null ? delivery.messageId()
                : client.recovering(client::getMessageId);
        ContentWriter.Result content = ContentWriter.write(delivery.containers());
        IncomingMessage answer;
        try {
            answer = dialog.send("soapMediateDelivery.xsd", "soapResponseToMediateDelivery.xsd", req -> fill(req,
                    client.originator(), delivery, order("mediateDelivery", receiver, id, delivery.subject()), content, meta));
        } finally {
            content.spools().forEach(Spool::close);
        }
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(answer);
        try {
            Element rsp = answer.requireHeader("responseToMediateDelivery");
            List<Feedback> fb = DefaultOsciClient.feedback(rsp);
            SignedEvidence ev = client.evidence(answer, rsp);
            ProcessCard requestCard = ProcessCardXml.read(Dom.one(rsp, OsciXml.OSCI, "RequestProcessCardBundle"), ev);
            ProcessCard replyCard = ProcessCardXml.read(Dom.one(rsp, OsciXml.OSCI, "ReplyProcessCardBundle"), ev);
            List<Decrypter> keys = new ArrayList<>(List.of(readers));
            keys.add(0, client.originator().decrypter());
            List<ReceivedContainer> containers = ContentReader.read(answer, keys, client.allowLegacy(), resources);
            ReceivedDelivery reply = new ReceivedDelivery(replyCard.messageId(), replyCard.subject(), replyCard, containers, fb,
                    resources);
            return new MediationResult(requestCard, reply, fb, MetaDataXml.read(answer));
        } catch (RuntimeException e) {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // temporary files
                }
            }
            throw e;
        }
    }

}
