package de.ozgkit.sandbox.osci;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.internal.HttpPipeline;
import de.ozgkit.messaging.Feedback;
import de.ozgkit.messaging.FeedbackCode;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.OsciFeedbackException;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.internal.Certs;
import de.ozgkit.messaging.internal.ControlBlock;
import de.ozgkit.messaging.internal.Dom;
import de.ozgkit.messaging.internal.Dsig;
import de.ozgkit.messaging.internal.Headers;
import de.ozgkit.messaging.internal.IncomingMessage;
import de.ozgkit.messaging.internal.MetaDataXml;
import de.ozgkit.messaging.internal.OsciXml;
import de.ozgkit.messaging.internal.OutgoingMessage;
import de.ozgkit.messaging.internal.ProcessCardXml;
import de.ozgkit.messaging.internal.Spool;
import de.ozgkit.messaging.internal.TransportEnvelope;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * ForwardDelivery and MediateDelivery of the sandbox intermediary: the delivery goes at once to a
 * registered passive recipient (as AcceptDelivery or ProcessDelivery, signed by the intermediary
 * and encrypted for the recipient's cipher certificate), whose signed answer decides the client's
 * answer; a MediateDelivery's answer carries the recipient's reply content unchanged.
 *
 * <p>Only registered recipients are contacted: a ContentReceiver URI the intermediary does not
 * know, or an addressee certificate that is not the registered recipient's, is refused with 9809.
 */
final class PassiveForwarding {

    private static final Logger LOG = LoggerFactory.getLogger(PassiveForwarding.class);

    /** A registered passive recipient. */
    record Recipient(URI uri, X509Certificate cipher, X509Certificate signature, HttpPipeline http) {
    }

    /** What the recipient answered. */
    private record Reply(List<Feedback> feedback, IncomingMessage message) {
    }

    private final OsciIntermediary im;
    private final Map<String, Recipient> recipients = new ConcurrentHashMap<>();

    PassiveForwarding(OsciIntermediary im) {
        this.im = im;
    }

    void register(URI uri, X509Certificate cipher, X509Certificate signature) {
        OzgClientConfig config = OzgClientConfig.builder().baseUri(uri).retryPolicy(RetryPolicy.none())
                .maxResponseBytes((int) Math.min(Integer.MAX_VALUE, im.limits().maxMessageBytes())).build();
        Recipient old = recipients.put(uri.toString(), new Recipient(uri, cipher, signature, new HttpPipeline(config)));
        if (old != null) {
            old.http().close();
        }
    }

    /** Releases the connections to the recipients. */
    void close() {
        recipients.values().forEach(r -> r.http().close());
        recipients.clear();
    }

    OutgoingMessage forward(OsciIntermediary.Request r) throws Conversations.Refused {
        ControlBlock cb = im.answerControlBlock(r, false);
        Element order = r.msg().requireHeader("forwardDelivery");
        String head = "<osci:responseToForwardDelivery" + OsciXml.NS_DECLS + " Id=\"responsetoforwarddelivery\" soap:actor=\""
                + OsciXml.ACTOR_NEXT + "\" soap:mustUnderstand=\"1\">";
        OutgoingMessage answer = im.answer("soapResponseToForwardDelivery.xsd", cb).body(Headers.body(""));
        String messageId = Dom.optional(order, OsciXml.OSCI, "MessageId").map(e -> Headers.decodeMessageId(Dom.text(e)))
                .orElse(null);
        String subject = Dom.optional(order, OsciXml.OSCI, "Subject").map(Dom::text).orElse(null);
        Recipient rec;
        try {
            rec = recipient(r, order);
        } catch (OsciFeedbackException e) {
            return answer.header(head + Headers.feedback(e.feedback()) + "</osci:responseToForwardDelivery>");
        }
        if (messageId == null) {
            return answer.header(head + Headers.feedback(OsciIntermediary.error(FeedbackCode.MESSAGE_ID_MISSING))
                    + "</osci:responseToForwardDelivery>");
        } else if (!im.mailbox().consumeMessageId(messageId)) {
            return answer.header(head + Headers.feedback(OsciIntermediary.error(FeedbackCode.MESSAGE_ID_INVALID))
                    + "</osci:responseToForwardDelivery>");
        }
        Instant now = im.clock().instant();
        ProcessCard card = new ProcessCard(new MessageId(messageId), now, now, now, null, subject, im.inspections(r.msg(), now),
                null);
        String accept = "<osci:acceptDelivery" + OsciXml.NS_DECLS + " Id=\"acceptdelivery\" soap:actor=\"" + OsciXml.ACTOR_NEXT
                + "\" soap:mustUnderstand=\"1\">" + ProcessCardXml.write(card) + "</osci:acceptDelivery>";
        Reply reply = relay(r, rec, "soapAcceptDelivery.xsd", accept, "responseToAcceptDelivery",
                "soapResponseToAcceptDelivery.xsd");
        try (IncomingMessage ignored = reply.message()) {
            if (reply.feedback().stream().anyMatch(Feedback::isError)) {
                return answer.header(head + Headers.feedback(reply.feedback()) + "</osci:responseToForwardDelivery>");
            }
            Instant received = im.clock().instant();
            ProcessCard done = new ProcessCard(card.messageId(), received, now, now, received, subject, card.inspections(), null);
            List<Feedback> ok = OsciIntermediary.ok(r.cb().conversationId() == null ? FeedbackCode.OK_DIALOG_CLOSED
                    : FeedbackCode.OK_DIALOG_OPEN);
            return answer.header(head + Headers.feedback(ok) + ProcessCardXml.write(done) + "</osci:responseToForwardDelivery>");
        }
    }

    OutgoingMessage mediate(OsciIntermediary.Request r) throws Conversations.Refused {
        ControlBlock cb = im.answerControlBlock(r, true);
        Element order = r.msg().requireHeader("mediateDelivery");
        String head = "<osci:responseToMediateDelivery" + OsciXml.NS_DECLS + " Id=\"responsetomediatedelivery\" soap:actor=\""
                + OsciXml.ACTOR_NEXT + "\" soap:mustUnderstand=\"1\">";
        String tail = "</osci:responseToMediateDelivery>";
        OutgoingMessage answer = im.answer("soapResponseToMediateDelivery.xsd", cb);
        String given = Dom.optional(order, OsciXml.OSCI, "MessageId").map(e -> Headers.decodeMessageId(Dom.text(e)))
                .orElse(null);
        String subject = Dom.optional(order, OsciXml.OSCI, "Subject").map(Dom::text).orElse(null);
        Recipient rec;
        try {
            rec = recipient(r, order);
        } catch (OsciFeedbackException e) {
            return answer.header(head + Headers.feedback(e.feedback()) + tail).body(Headers.body(""));
        }
        String messageId = given != null ? given : im.mailbox().issueMessageId();
        if (!im.mailbox().consumeMessageId(messageId)) {
            return answer.header(head + Headers.feedback(OsciIntermediary.error(FeedbackCode.MESSAGE_ID_INVALID)) + tail)
                    .body(Headers.body(""));
        }
        Instant now = im.clock().instant();
        ProcessCard card = new ProcessCard(new MessageId(messageId), now, now, now, null, subject, im.inspections(r.msg(), now),
                null);
        String process = "<osci:processDelivery" + OsciXml.NS_DECLS + " Id=\"processdelivery\" soap:actor=\""
                + OsciXml.ACTOR_NEXT + "\" soap:mustUnderstand=\"1\">" + ProcessCardXml.write(card) + "</osci:processDelivery>";
        Reply reply = relay(r, rec, "soapProcessDelivery.xsd", process, "responseToProcessDelivery",
                "soapResponseToProcessDelivery.xsd");
        IncomingMessage m = reply.message();
        r.resources().add(m == null ? () -> { } : m);
        if (m == null || reply.feedback().stream().anyMatch(Feedback::isError)) {
            return answer.header(head + Headers.feedback(reply.feedback()) + tail).body(Headers.body(""));
        }
        Element rsp = m.requireHeader("responseToProcessDelivery");
        String replyId = Dom.optional(rsp, OsciXml.OSCI, "MessageId").map(e -> Headers.decodeMessageId(Dom.text(e)))
                .orElseGet(() -> im.mailbox().issueMessageId());
        String replySubject = Dom.optional(rsp, OsciXml.OSCI, "Subject").map(Dom::text).orElse(null);
        Instant received = im.clock().instant();
        ProcessCard requestCard = new ProcessCard(card.messageId(), received, now, now, received, subject, card.inspections(),
                null);
        ProcessCard replyCard = new ProcessCard(new MessageId(replyId), received, received, received, null, replySubject,
                im.inspections(m, received), null);
        List<Feedback> ok = OsciIntermediary.ok(FeedbackCode.OK_DIALOG_OPEN);
        answer.header(head + Headers.feedback(ok) + rename(ProcessCardXml.write(requestCard), "RequestProcessCardBundle")
                + rename(ProcessCardXml.write(replyCard), "ReplyProcessCardBundle") + tail);
        Passed passed = passed(m, true, r.resources());
        answer.afterIntermediaryCertificates(passed.headers());
        answer.body(passed.body());
        passed.attachments().forEach(answer::attachment);
        return answer;
    }

    private static String rename(String bundle, String name) {
        return "<osci:" + name + bundle.substring("<osci:ProcessCardBundle".length(), bundle.length()
                - "</osci:ProcessCardBundle>".length()) + "</osci:" + name + ">";
    }

    /** The recipient a request names, checked against the addressee; refused with 9809 otherwise. */
    private Recipient recipient(OsciIntermediary.Request r, Element order) {
        String uri = Dom.optional(order, OsciXml.OSCI, "ContentReceiver").map(e -> e.getAttribute("URI")).orElse("");
        Recipient rec = recipients.get(uri);
        X509Certificate addressee = r.msg().nonIntermediaryCertificates("CipherCertificateAddressee").stream().findFirst()
                .map(IncomingMessage::certificateOf).orElse(null);
        if (rec == null) {
            throw refusal(FeedbackCode.FORWARDING_FAILED_NOT_DELIVERED, "no passive recipient is registered at " + uri);
        }
        if (addressee == null || !addressee.equals(rec.cipher())) {
            throw refusal(FeedbackCode.FORWARDING_FAILED_NOT_DELIVERED, "the addressee's cipher certificate is not the one of"
                    + " the recipient at " + uri);
        }
        return rec;
    }

    private static OsciFeedbackException refusal(FeedbackCode code, String text) {
        return new OsciFeedbackException(code.code(), List.of(new Feedback(code.code(), "en", text)), text);
    }

    /** Header blocks after the certificates, the body and the attachments of a message, passed on unchanged. */
    record Passed(String headers, String body, List<OutgoingMessage.Attachment> attachments) {
    }

    private Passed passed(IncomingMessage msg, boolean reply, List<AutoCloseable> resources) {
        List<String> uris = new ArrayList<>(List.of("#" + msg.body().getAttribute("Id")));
        List<String> headers = new ArrayList<>();
        StringBuilder h = new StringBuilder();
        if (reply) {
            // the recipient's own signature certificate has no place in the answer to the client; the
            // content signatures find it under the same Id as the certificate of an author
            List<Headers.CertEntry> certs = new ArrayList<>();
            msg.header("NonIntermediaryCertificates").ifPresent(nic -> Dom.children(nic).forEach(e -> certs.add(
                    new Headers.CertEntry(e.getLocalName().equals("SignatureCertificateAddressee")
                            ? "SignatureCertificateOtherAuthor" : e.getLocalName(), e.getAttribute("Id"),
                            IncomingMessage.certificateOf(e)))));
            h.append(Headers.nonIntermediaryCertificates(certs));
        } else {
            msg.header("NonIntermediaryCertificates").ifPresent(e -> headers.add("#" + e.getAttribute("Id")));
        }
        msg.header(MetaDataXml.NS, "MessageMetaData").ifPresent(e -> headers.add("#" + e.getAttribute("Id")));
        uris.addAll(headers);
        Map<String, byte[]> canonical = new HashMap<>();
        Dsig.digests(msg.document(), uris, cid -> null, canonical);
        for (String u : headers) {
            h.append(new String(canonical.get(u), StandardCharsets.UTF_8));
        }
        List<OutgoingMessage.Attachment> atts = new ArrayList<>();
        for (var p : msg.attachments().values()) {
            Spool s;
            try (var in = p.open()) {
                s = Spool.copyOf(in, im.limits().maxMessageBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            resources.add(s);
            atts.add(new OutgoingMessage.Attachment(p.contentId(), p.contentType(), s));
        }
        return new Passed(h.isEmpty() ? null : h.toString(), new String(canonical.get(uris.get(0)), StandardCharsets.UTF_8),
                atts);
    }

    /**
     * Sends the request's content to the recipient and reads its checked answer. Failures on the
     * way become error feedback (9809 not delivered, 9807 the recipient's signature, 9810 after
     * delivery); the recipient's own refusal comes back as its feedback.
     */
    private Reply relay(OsciIntermediary.Request r, Recipient rec, String schema, String order, String responseName,
                        String responseSchema) {
        String challenge = ControlBlock.newChallenge();
        List<AutoCloseable> local = new ArrayList<>();
        Spool plain = new Spool();
        local.add(plain);
        try {
            Passed passed = passed(r.msg(), false, local);
            OutgoingMessage out = new OutgoingMessage(schema).header(new ControlBlock(null, null, null, challenge).toXml())
                    .header(Headers.desiredLanguages("de")).header(order).header(intermediaryCertificates());
            if (passed.headers() != null) {
                out.header(passed.headers());
            }
            out.body(passed.body());
            passed.attachments().forEach(out::attachment);
            X509Certificate sig = im.signatureCertificate();
            byte[] soap = out.soap(im.identity().signer(), OutgoingMessage.SignatureKind.CLIENT, Headers.intermediarySignatureId(sig));
            try (OutputStream o = plain.output()) {
                out.write(o, soap);
            }
            IncomingMessage answer;
            try {
                answer = post(rec, plain);
            } catch (RuntimeException e) {
                LOG.debug("forwarding to {} failed: {}", rec.uri(), e.toString());
                return new Reply(List.of(new Feedback(FeedbackCode.FORWARDING_FAILED_NOT_DELIVERED.code(), "en",
                        FeedbackCode.FORWARDING_FAILED_NOT_DELIVERED.description() + ": " + e.getMessage())), null);
            }
            try {
                answer.throwIfFault();
                answer.verifySignature("SupplierSignature", rec.signature());
                if (!answer.schemaLocation().contains(" " + responseSchema + " ")) {
                    throw new OsciException(OsciCheck.STRUCTURE, "the recipient answered with " + answer.schemaLocation());
                }
                if (!challenge.equals(answer.controlBlock().response())) {
                    throw new OsciException(OsciCheck.CONTROL_BLOCK, "the recipient's answer does not answer the challenge");
                }
                Element rsp = answer.requireHeader(responseName);
                List<Feedback> fb = new ArrayList<>();
                for (Element e : Dom.children(Dom.one(rsp, OsciXml.OSCI, "Feedback"), OsciXml.OSCI, "Entry")) {
                    fb.add(new Feedback(Dom.text(Dom.one(e, OsciXml.OSCI, "Code")).trim(), "en",
                            Dom.optional(e, OsciXml.OSCI, "Text").map(Dom::text).orElse("")));
                }
                return new Reply(fb, answer);
            } catch (OsciFeedbackException e) {
                answer.close();
                return new Reply(List.of(new Feedback(e.code(), "en", e.getMessage())), null);
            } catch (OsciException e) {
                answer.close();
                LOG.debug("the answer of {} is refused: {}", rec.uri(), e.getMessage());
                FeedbackCode code = e.check() == OsciCheck.MESSAGE_SIGNATURE || e.check() == OsciCheck.SIGNED_PARTS
                        ? FeedbackCode.RECIPIENT_SIGNATURE_INVALID : FeedbackCode.FORWARDING_FAILED_DELIVERED;
                return new Reply(List.of(new Feedback(code.code(), "en", e.getMessage())), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (AutoCloseable c : local) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // buffers only
                }
            }
        }
    }

    private String intermediaryCertificates() {
        StringBuilder sb = new StringBuilder(4096).append("<osci:IntermediaryCertificates").append(OsciXml.NS_DECLS)
                .append(" Id=\"intermediarycertificates\" soap:actor=\"").append(OsciXml.ACTOR_NONE)
                .append("\" soap:mustUnderstand=\"1\">");
        Certs.append(sb, "CipherCertificateIntermediary", Certs.refId("intermed_cipher", im.cipherCertificate()),
                im.cipherCertificate());
        Certs.append(sb, "SignatureCertificateIntermediary", Headers.intermediarySignatureId(im.signatureCertificate()),
                im.signatureCertificate());
        return sb.append("</osci:IntermediaryCertificates>").toString();
    }

    private IncomingMessage post(Recipient rec, Spool plain) {
        TransportEnvelope.Sealed sealed = TransportEnvelope.sealed(plain, rec.cipher());
        HttpRequest http = HttpRequest.builder("POST", rec.uri()).body("text/xml", sealed.length(), sealed::writeTo).build();
        Spool[] received = new Spool[1];
        String[] contentType = new String[1];
        HttpPipeline.Exchange ex;
        try {
            ex = rec.http().send(http, (status, headers, in) -> {
                contentType[0] = headers.first("Content-Type").orElse(null);
                received[0] = Spool.copyOf(in, im.limits().maxMessageBytes());
            });
        } catch (RuntimeException e) {
            if (received[0] != null) {
                received[0].close();
            }
            throw e;
        }
        Spool body = received[0];
        if (body == null) {
            byte[] raw = ex.response().body();
            if (raw.length == 0) {
                throw new OsciException(OsciCheck.STRUCTURE, "the recipient answered HTTP " + ex.response().status()
                        + " without an OSCI message");
            }
            body = Spool.of(raw);
            contentType[0] = ex.response().headers().first("Content-Type").orElse(null);
        }
        return IncomingMessage.parseOwned(body, contentType[0], im.identity().decrypter(), im.limits());
    }
}
