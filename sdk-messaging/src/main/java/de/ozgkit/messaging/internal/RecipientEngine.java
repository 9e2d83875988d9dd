package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.Decrypter;
import de.ozgkit.messaging.Feedback;
import de.ozgkit.messaging.FeedbackCode;
import de.ozgkit.messaging.MediatedReply;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.MessageMetaData;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.OsciFeedbackException;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.OsciMessageType;
import de.ozgkit.messaging.OsciRecipient;
import de.ozgkit.messaging.PassiveDelivery;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.ReceivedDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The protocol logic of {@link de.ozgkit.messaging.PassiveRecipient}: one AcceptDelivery or
 * ProcessDelivery in, one signed answer out.
 *
 * @param <A> the answer type the public facade hands out
 */
public final class RecipientEngine<A> {

    private static final Logger LOG = LoggerFactory.getLogger(RecipientEngine.class);
    private static final int MAX_REMEMBERED = 100_000;

    /** Makes the facade's answer. */
    public interface Answers<A> {
        /**
         * @param status the HTTP status
         * @param body   the message
         * @param sealed its transport envelope, or {@code null}
         * @return the answer
         */
        A make(int status, Spool body, TransportEnvelope.Sealed sealed);
    }

    private final OsciIdentity identity;
    private final List<Decrypter> readers;
    private final X509Certificate intermediaryCipher;
    private final X509Certificate intermediarySignature;
    private final OsciRecipient handler;
    private final Clock clock;
    private final Duration replayWindow;
    private final IncomingMessage.Limits limits;
    private final Answers<A> answers;
    private final Map<String, Instant> seen = new LinkedHashMap<>();

    /**
     * @param identity              the recipient's keys
     * @param moreReaders           further reader keys
     * @param intermediaryCipher    the intermediary's cipher certificate
     * @param intermediarySignature the intermediary's signature certificate
     * @param handler               the Fachverfahren's handler
     * @param clock                 the clock
     * @param replayWindow          how long challenges and message ids are remembered
     * @param maxMessageBytes       the largest message accepted
     * @param answers               makes the facade's answers
     */
    public RecipientEngine(OsciIdentity identity, List<Decrypter> moreReaders, X509Certificate intermediaryCipher,
                           X509Certificate intermediarySignature, OsciRecipient handler, Clock clock, Duration replayWindow,
                           long maxMessageBytes, Answers<A> answers) {
        this.identity = identity;
        List<Decrypter> keys = new ArrayList<>(List.of(identity.decrypter()));
        keys.addAll(moreReaders);
        this.readers = List.copyOf(keys);
        this.intermediaryCipher = intermediaryCipher;
        this.intermediarySignature = intermediarySignature;
        this.handler = handler;
        this.clock = clock;
        this.replayWindow = replayWindow;
        this.limits = new IncomingMessage.Limits(maxMessageBytes, Math.min(maxMessageBytes, 16L << 20), 1000, 64);
        this.answers = answers;
    }

    /**
     * @param body        the HTTP body
     * @param contentType the HTTP Content-Type
     * @return the answer
     */
    public A handle(InputStream body, String contentType) {
        Spool request;
        try {
            request = Spool.copyOf(body, limits.maxMessageBytes());
        } catch (OsciException e) {
            return refused(e);
        }
        try (request; IncomingMessage msg = IncomingMessage.parse(request, contentType, identity.decrypter(), limits)) {
            return handle(msg);
        } catch (OsciException e) {
            return refused(e);
        } catch (RuntimeException e) {
            LOG.warn("OSCI passive recipient failed", e);
            return fault(true, FeedbackCode.RECIPIENT_INTERNAL_ERROR, "internal error of the recipient");
        }
    }

    private A refused(OsciException e) {
        LOG.debug("OSCI message refused: {}", e.getMessage());
        try {
            handler.refused(e);
        } catch (RuntimeException ignored) {
            // the listener's failure changes nothing about the answer
        }
        FeedbackCode code = switch (e.check()) {
            case TRANSPORT_DECRYPTION, ALGORITHM -> FeedbackCode.REQUEST_NOT_DECRYPTABLE;
            case CONTROL_BLOCK -> FeedbackCode.WRONG_CONTROL_BLOCK;
            case MESSAGE_SIGNATURE -> FeedbackCode.REQUEST_SIGNATURE_INVALID;
            case SIGNED_PARTS -> FeedbackCode.REQUEST_NOT_COMPLETELY_SIGNED;
            case CERTIFICATE -> FeedbackCode.CERTIFICATE_CHECK_FAILED;
            default -> FeedbackCode.INVALID_MESSAGE;
        };
        return fault(false, code, e.getMessage());
    }

    private A handle(IncomingMessage msg) {
        msg.verifySignature("ClientSignature", intermediarySignature);
        Instant now = clock.instant();
        if (now.isBefore(intermediarySignature.getNotBefore().toInstant())
                || now.isAfter(intermediarySignature.getNotAfter().toInstant())) {
            throw new OsciException(OsciCheck.CERTIFICATE, "the intermediary's signature certificate is not valid at " + now
                    + " (valid " + intermediarySignature.getNotBefore().toInstant() + " to "
                    + intermediarySignature.getNotAfter().toInstant() + ")");
        }
        OsciMessageType type;
        String schema;
        if (msg.header("acceptDelivery").isPresent()) {
            type = OsciMessageType.ACCEPT_DELIVERY;
            schema = "soapResponseToAcceptDelivery.xsd";
        } else if (msg.header("processDelivery").isPresent()) {
            type = OsciMessageType.PROCESS_DELIVERY;
            schema = "soapResponseToProcessDelivery.xsd";
        } else {
            throw new OsciException(OsciCheck.STRUCTURE, "the message is neither an AcceptDelivery nor a ProcessDelivery"
                    + " (schemaLocation " + msg.schemaLocation() + ")");
        }
        ControlBlock cb = msg.controlBlock();
        if (cb.conversationId() != null || cb.sequenceNumber() != null || cb.response() != null || cb.challenge() == null
                || cb.challenge().isBlank()) {
            throw new OsciException(OsciCheck.CONTROL_BLOCK, "the control block of " + type.code() + " carries only a challenge");
        }
        Element order = msg.requireHeader(type.code());
        Element bundle = Dom.optional(order, OsciXml.OSCI, "ProcessCardBundle").orElseThrow(() -> new OsciException(
                OsciCheck.STRUCTURE, type.code() + " carries no process card"));
        ProcessCard card = ProcessCardXml.read(bundle, null);
        remember("challenge:" + cb.challenge(), "challenge");
        remember("message:" + type.code() + ":" + card.messageId().value(), "message id " + card.messageId().value());
        MessageId answered = Dom.optional(order, OsciXml.OSCI, "MessageIdResponse")
                .map(e -> new MessageId(Headers.decodeMessageId(Dom.text(e)))).orElse(null);
        X509Certificate origSig = msg.nonIntermediaryCertificates("SignatureCertificateOriginator").stream().findFirst()
                .map(IncomingMessage::certificateOf).orElse(null);
        X509Certificate origCipher = msg.nonIntermediaryCertificates("CipherCertificateOriginator").stream().findFirst()
                .map(IncomingMessage::certificateOf).orElse(null);
        MessageMetaData meta = MetaDataXml.read(msg);
        List<AutoCloseable> resources = new ArrayList<>();
        ControlBlock answerCb = new ControlBlock(null, null, cb.challenge(), null);
        try {
            List<ReceivedContainer> containers;
            try {
                containers = ContentReader.read(msg, readers, false, resources);
            } catch (OsciException e) {
                handler.refused(e);
                return answer(type, schema, answerCb, List.of(fb(FeedbackCode.DELIVERY_NOT_ACCEPTED, e.getMessage())), null,
                        msg.transportEncrypted());
            }
            ReceivedDelivery delivery = new ReceivedDelivery(card.messageId(), card.subject(), card, containers, List.of(),
                    List.of());
            PassiveDelivery pd = new PassiveDelivery(type, delivery, origSig, origCipher, answered, meta);
            MediatedReply reply = null;
            List<Feedback> feedback;
            try {
                if (type == OsciMessageType.ACCEPT_DELIVERY) {
                    handler.accept(pd);
                } else {
                    reply = handler.process(pd);
                    if (reply == null) {
                        reply = new MediatedReply(null, List.of(), null);
                    }
                }
                feedback = List.of(fb(FeedbackCode.OK_DIALOG_CLOSED, FeedbackCode.OK_DIALOG_CLOSED.description()));
            } catch (OsciFeedbackException e) {
                feedback = e.feedback().isEmpty() ? List.of(new Feedback(e.code(), "en", e.getMessage())) : e.feedback();
                reply = null;
            } catch (RuntimeException e) {
                LOG.warn("the OSCI recipient's handler failed", e);
                feedback = List.of(fb(FeedbackCode.RECIPIENT_INTERNAL_ERROR, FeedbackCode.RECIPIENT_INTERNAL_ERROR.description()));
                reply = null;
            }
            return answer(type, schema, answerCb, feedback, reply, msg.transportEncrypted());
        } finally {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // temporary files only
                }
            }
        }
    }

    private static Feedback fb(FeedbackCode code, String text) {
        return new Feedback(code.code(), "en", text);
    }

    /** Refuses a challenge or message id seen within the replay window; remembers it otherwise. */
    private synchronized void remember(String key, String what) {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().isBefore(now.minus(replayWindow)) || seen.size() > MAX_REMEMBERED) {
                it.remove();
            } else {
                break;
            }
        }
        if (seen.containsKey(key)) {
            throw new OsciException(OsciCheck.CONTROL_BLOCK, "the " + what + " was seen before: a replayed message");
        }
        seen.put(key, now);
    }

    private A answer(OsciMessageType type, String schema, ControlBlock cb, List<Feedback> feedback, MediatedReply reply,
                     boolean encrypt) {
        X509Certificate sig = identity.signer().certificate();
        String sigRef = Certs.refId("addressee_signature", sig);
        List<Headers.CertEntry> certs = new ArrayList<>();
        certs.add(new Headers.CertEntry("SignatureCertificateAddressee", sigRef, sig));
        OutgoingMessage out = new OutgoingMessage(schema).header(cb.toXml());
        String name = type == OsciMessageType.ACCEPT_DELIVERY ? "responseToAcceptDelivery" : "responseToProcessDelivery";
        StringBuilder h = new StringBuilder("<osci:").append(name).append(OsciXml.NS_DECLS).append(" Id=\"")
                .append(name.toLowerCase(java.util.Locale.ROOT)).append("\" soap:actor=\"").append(OsciXml.ACTOR_NEXT)
                .append("\" soap:mustUnderstand=\"1\">").append(Headers.feedback(feedback));
        ContentWriter.Result content = null;
        try {
            if (reply != null) {
                h.append("<osci:MessageId>").append(Headers.encodeMessageId("reply-" + UUID.randomUUID()))
                        .append("</osci:MessageId>");
                if (reply.subject() != null) {
                    OsciXml.text(h.append("<osci:Subject>"), reply.subject()).append("</osci:Subject>");
                }
                if (!reply.containers().isEmpty()) {
                    content = ContentWriter.write(reply.containers());
                    certs.addAll(content.certificates());
                }
            }
            out.header(h.append("</osci:").append(name).append('>').toString());
            out.header(Headers.nonIntermediaryCertificates(certs));
            if (reply != null && reply.metaData() != null) {
                out.header(MetaDataXml.write(reply.metaData()));
            }
            out.body(Headers.body(content == null ? "" : content.contentPackage()));
            if (content != null) {
                content.attachments().forEach(out::attachment);
            }
            byte[] soap = out.soap(identity.signer(), OutgoingMessage.SignatureKind.SUPPLIER, sigRef);
            Spool plain = new Spool();
            try (OutputStream o = plain.output()) {
                out.write(o, soap);
            } catch (IOException e) {
                plain.close();
                throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
            }
            return answers.make(200, plain, encrypt ? TransportEnvelope.sealed(plain, intermediaryCipher) : null);
        } finally {
            if (content != null) {
                content.spools().forEach(Spool::close);
            }
        }
    }

    private A fault(boolean server, FeedbackCode code, String text) {
        Spool s = new Spool();
        try (OutputStream out = s.output()) {
            MimeOut mime = new MimeOut(out);
            mime.soapPart(Headers.fault(server, code.code(), text).getBytes(StandardCharsets.UTF_8));
            mime.finish();
        } catch (IOException e) {
            s.close();
            throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
        }
        return answers.make(server ? 500 : 200, s, null);
    }
}
