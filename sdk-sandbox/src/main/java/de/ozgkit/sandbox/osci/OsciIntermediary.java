package de.ozgkit.sandbox.osci;

import de.ozgkit.messaging.Feedback;
import de.ozgkit.messaging.FeedbackCode;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.internal.ControlBlock;
import de.ozgkit.messaging.internal.Headers;
import de.ozgkit.messaging.internal.IncomingMessage;
import de.ozgkit.messaging.internal.OsciXml;
import de.ozgkit.messaging.internal.OutgoingMessage;
import de.ozgkit.messaging.internal.Spool;
import de.ozgkit.messaging.internal.TransportEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol logic of the sandbox's OSCI intermediary: one request message in, one answer out.
 * Opens transport envelopes, checks the client signature and the dialog control block, executes
 * the request and answers with an intermediary-signed message, encrypted for the client when the
 * request was encrypted. Errors of the message level become SOAP faults, errors of the request
 * level become error feedback codes.
 *
 * <p>Thread-safe.
 */
public final class OsciIntermediary {

    private static final Logger LOG = LoggerFactory.getLogger(OsciIntermediary.class);

    /**
     * An answer to send.
     *
     * @param status      the HTTP status
     * @param contentType the HTTP Content-Type
     * @param body        the body; close it after sending
     */
    public record Answer(int status, String contentType, Spool body) implements AutoCloseable {
        @Override
        public void close() {
            body.close();
        }
    }

    private final OsciIdentity identity;
    private final Mailbox mailbox;
    private final Conversations conversations = new Conversations();
    private final Clock clock;
    private final IncomingMessage.Limits limits;

    /**
     * @param identity the intermediary's keys (signature and cipher)
     * @param mailbox  where deliveries are kept
     * @param clock    the clock for process cards
     * @param limits   size limits for requests
     */
    public OsciIntermediary(OsciIdentity identity, Mailbox mailbox, Clock clock, IncomingMessage.Limits limits) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** @return the certificate clients encrypt requests for */
    public X509Certificate cipherCertificate() {
        return identity.decrypter().certificate();
    }

    /** @return the certificate that verifies the intermediary's signatures */
    public X509Certificate signatureCertificate() {
        return identity.signer().certificate();
    }

    /**
     * Handles one request.
     *
     * @param body        the HTTP body
     * @param contentType the HTTP Content-Type, may be {@code null}
     * @return the answer
     */
    public Answer handle(InputStream body, String contentType) {
        Spool request;
        try {
            request = Spool.copyOf(body, limits.maxMessageBytes());
        } catch (OsciException e) {
            return fault(false, FeedbackCode.INVALID_MESSAGE, e.getMessage());
        }
        try (request; IncomingMessage msg = IncomingMessage.parse(request, contentType, identity.decrypter(), limits)) {
            return handle(msg);
        } catch (OsciException e) {
            LOG.debug("OSCI request refused: {}", e.getMessage());
            FeedbackCode code = switch (e.check()) {
                case TRANSPORT_DECRYPTION, ALGORITHM -> FeedbackCode.REQUEST_NOT_DECRYPTABLE;
                case CONTROL_BLOCK -> FeedbackCode.WRONG_CONTROL_BLOCK;
                case MESSAGE_SIGNATURE -> FeedbackCode.REQUEST_SIGNATURE_INVALID;
                case SIGNED_PARTS -> FeedbackCode.REQUEST_NOT_COMPLETELY_SIGNED;
                default -> FeedbackCode.INVALID_MESSAGE;
            };
            return fault(false, code, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("OSCI request failed", e);
            return fault(true, FeedbackCode.SUPPLIER_INTERNAL_ERROR, "internal error of the sandbox intermediary");
        }
    }

    private Answer handle(IncomingMessage msg) {
        X509Certificate clientSignature = msg.verifySignature("ClientSignature", null);
        ControlBlock cb = msg.controlBlock();
        String type = requestType(msg);
        X509Certificate clientCipher = msg.nonIntermediaryCertificates("CipherCertificateOriginator").stream()
                .findFirst().map(IncomingMessage::certificateOf).orElse(conversations.clientCipher(cb.conversationId()));
        if (msg.transportEncrypted() && clientCipher == null) {
            return fault(false, FeedbackCode.CLIENT_CIPHER_CERTIFICATE_MISSING,
                    "the request is encrypted, but carries no cipher certificate of the originator to encrypt the answer for");
        }
        Request request = new Request(msg, type, cb, clientSignature, clientCipher);
        OutgoingMessage answer;
        try {
            answer = switch (type) {
                case "getMessageId" -> getMessageId(request);
                case "initDialog" -> initDialog(request);
                case "exitDialog" -> exitDialog(request);
                default -> throw new OsciException(OsciCheck.STRUCTURE, "the request type " + type + " is not supported");
            };
        } catch (Conversations.Refused r) {
            return fault(false, r.code, r.getMessage());
        }
        return send(answer, request);
    }

    /** A checked request. */
    record Request(IncomingMessage msg, String type, ControlBlock cb, X509Certificate clientSignature,
                   X509Certificate clientCipher) {
    }

    static String requestType(IncomingMessage msg) {
        for (String h : List.of("storeDelivery", "fetchDelivery", "forwardDelivery", "mediateDelivery",
                "partialStoreDelivery", "partialFetchDelivery")) {
            if (msg.header(h).isPresent()) {
                return h;
            }
        }
        Element first = msg.bodyElement().orElseThrow(() -> new OsciException(OsciCheck.STRUCTURE,
                "the request names no request type in its header or body"));
        if (!OsciXml.OSCI.equals(first.getNamespaceURI())) {
            throw new OsciException(OsciCheck.STRUCTURE, "the body holds {" + first.getNamespaceURI() + "}"
                    + first.getLocalName() + ", not an OSCI request");
        }
        return first.getLocalName();
    }

    private OutgoingMessage getMessageId(Request r) {
        requireImplicit(r);
        String id = mailbox.issueMessageId();
        String conv = conversations.implicitId();
        ControlBlock answerCb = new ControlBlock(conv, r.cb().sequenceNumber(), r.cb().challenge(), ControlBlock.newChallenge());
        String body = "<osci:responseToGetMessageId>" + Headers.feedback(ok(FeedbackCode.OK_DIALOG_CLOSED))
                + "<osci:MessageId>" + Headers.encodeMessageId(id) + "</osci:MessageId></osci:responseToGetMessageId>";
        return answer("soapResponseToGetMessageId.xsd", answerCb).body(Headers.body(body));
    }

    private OutgoingMessage initDialog(Request r) {
        if (r.cb().conversationId() != null || r.cb().sequenceNumber() != null || r.cb().challenge() == null) {
            throw new OsciException(OsciCheck.CONTROL_BLOCK, "an InitDialog control block carries only a challenge");
        }
        String challenge = ControlBlock.newChallenge();
        String conv = conversations.open(r.clientSignature(), r.clientCipher(), challenge);
        ControlBlock answerCb = new ControlBlock(conv, null, r.cb().challenge(), challenge);
        String body = "<osci:responseToInitDialog>" + Headers.feedback(ok(FeedbackCode.OK_DIALOG_OPEN))
                + "</osci:responseToInitDialog>";
        return answer("soapResponseToInitDialog.xsd", answerCb).body(Headers.body(body));
    }

    private OutgoingMessage exitDialog(Request r) throws Conversations.Refused {
        int seq = conversations.advance(r.cb(), r.clientSignature(), null, true);
        ControlBlock answerCb = new ControlBlock(r.cb().conversationId(), seq, r.cb().challenge(), null);
        String body = "<osci:responseToExitDialog>" + Headers.feedback(ok(FeedbackCode.OK_DIALOG_CLOSED))
                + "</osci:responseToExitDialog>";
        return answer("soapResponseToExitDialog.xsd", answerCb).body(Headers.body(body));
    }

    private void requireImplicit(Request r) {
        if (r.cb().challenge() == null || r.cb().sequenceNumber() == null) {
            throw new OsciException(OsciCheck.CONTROL_BLOCK, "the control block of " + r.type() + " needs a challenge and a"
                    + " sequence number");
        }
    }

    private OutgoingMessage answer(String schema, ControlBlock cb) {
        return new OutgoingMessage(schema).header(cb.toXml());
    }

    static List<Feedback> ok(FeedbackCode code) {
        return List.of(new Feedback(code.code(), "en", code.description()));
    }

    private Answer send(OutgoingMessage answer, Request r) {
        answer.header(Headers.intermediaryCertificates(signatureCertificate()));
        byte[] soap = answer.soap(identity.signer(), OutgoingMessage.SignatureKind.SUPPLIER,
                Headers.intermediarySignatureId(signatureCertificate()));
        Spool plain = new Spool();
        try (OutputStream out = plain.output()) {
            answer.write(out, soap);
        } catch (IOException e) {
            plain.close();
            throw new UncheckedIOException(e);
        }
        if (!r.msg().transportEncrypted()) {
            return new Answer(200, "text/xml", plain);
        }
        Spool sealed = new Spool();
        try (plain; OutputStream out = sealed.output()) {
            TransportEnvelope.seal(plain, r.clientCipher(), out);
        } catch (IOException e) {
            sealed.close();
            throw new UncheckedIOException(e);
        }
        return new Answer(200, "text/xml", sealed);
    }

    private Answer fault(boolean server, FeedbackCode code, String text) {
        Spool s = new Spool();
        try (OutputStream out = s.output()) {
            de.ozgkit.messaging.internal.MimeOut mime = new de.ozgkit.messaging.internal.MimeOut(out);
            mime.soapPart(Headers.fault(server, code.code(), text).getBytes(StandardCharsets.UTF_8));
            mime.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(server ? 500 : 200, "text/xml", s);
    }
}
