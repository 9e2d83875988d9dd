package de.ozgkit.sandbox.osci;

import de.ozgkit.core.security.CertificateValidationException;
import de.ozgkit.core.security.CertificateValidator;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import de.ozgkit.messaging.Inspection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.internal.Certs;
import de.ozgkit.messaging.internal.Dom;
import de.ozgkit.messaging.internal.ProcessCardXml;
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
     * An answer to send: a message in a spool, sealed for the client while it is written when the
     * request came in a transport envelope.
     *
     * @param status      the HTTP status
     * @param contentType the HTTP Content-Type
     * @param body        the (inner) message; close the answer after sending
     * @param sealed      its transport envelope, or {@code null} to send the message as it is
     */
    public record Answer(int status, String contentType, Spool body, TransportEnvelope.Sealed sealed) implements AutoCloseable {

        /** @return the number of bytes {@link #writeTo} writes */
        public long length() {
            return sealed != null ? sealed.length() : body.size();
        }

        /**
         * Writes the HTTP body.
         *
         * @param out where to write; not closed
         * @throws IOException when writing fails
         */
        public void writeTo(OutputStream out) throws IOException {
            if (sealed != null) {
                sealed.writeTo(out);
            } else {
                try (InputStream in = body.open()) {
                    in.transferTo(out);
                }
            }
        }

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
    private final CertificateValidator strict;
    private final PartialDeliveries partials;

    /**
     * An intermediary that accepts any well-formed certificate and records its inspection.
     *
     * @param identity the intermediary's keys (signature and cipher)
     * @param mailbox  where deliveries are kept
     * @param clock    the clock for process cards
     * @param limits   size limits for requests
     */
    public OsciIntermediary(OsciIdentity identity, Mailbox mailbox, Clock clock, IncomingMessage.Limits limits) {
        this(identity, mailbox, clock, limits, null);
    }

    /**
     * @param identity the intermediary's keys (signature and cipher)
     * @param mailbox  where deliveries are kept
     * @param clock    the clock for process cards
     * @param limits   size limits for requests
     * @param strict   when not {@code null}, every certificate of a request must validate with it
     *                 (trust anchors, validity); failures are refused with code 9700
     */
    public OsciIntermediary(OsciIdentity identity, Mailbox mailbox, Clock clock, IncomingMessage.Limits limits,
                            CertificateValidator strict) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.strict = strict;
        this.partials = new PartialDeliveries(this, mailbox.root());
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
        if (strict != null) {
            List<X509Certificate> all = new ArrayList<>();
            msg.header("NonIntermediaryCertificates").ifPresent(h -> Dom.children(h)
                    .forEach(e -> all.add(IncomingMessage.certificateOf(e))));
            for (X509Certificate c : all) {
                try {
                    strict.validate(List.of(c), clock.instant());
                } catch (CertificateValidationException e) {
                    return fault(false, c.equals(clientSignature) ? FeedbackCode.CLIENT_SIGNATURE_CERTIFICATE_INVALID
                            : FeedbackCode.CERTIFICATE_CHECK_FAILED, "strict mode: the certificate "
                            + c.getSubjectX500Principal().getName() + " is refused (" + e.reason() + "): " + e.getMessage());
                }
            }
        }
        ControlBlock cb = msg.controlBlock();
        String type = requestType(msg);
        X509Certificate clientCipher = msg.nonIntermediaryCertificates("CipherCertificateOriginator").stream()
                .findFirst().map(IncomingMessage::certificateOf).orElse(conversations.clientCipher(cb.conversationId()));
        if (msg.transportEncrypted() && clientCipher == null) {
            return fault(false, FeedbackCode.CLIENT_CIPHER_CERTIFICATE_MISSING,
                    "the request is encrypted, but carries no cipher certificate of the originator to encrypt the answer for");
        }
        Request request = new Request(msg, type, cb, clientSignature, clientCipher, new ArrayList<>());
        OutgoingMessage answer;
        try {
            answer = switch (type) {
                case "getMessageId" -> getMessageId(request);
                case "initDialog" -> initDialog(request);
                case "exitDialog" -> exitDialog(request);
                case "storeDelivery" -> storeDelivery(request);
                case "fetchDelivery" -> fetchDelivery(request);
                case "fetchProcessCard" -> fetchProcessCard(request);
                case "partialStoreDelivery" -> partials.store(request);
                case "partialFetchDelivery" -> partials.fetch(request);
                default -> throw new OsciException(OsciCheck.STRUCTURE, "the request type " + type + " is not supported");
            };
        } catch (Conversations.Refused r) {
            return fault(false, r.code, r.getMessage());
        }
        try {
            return send(answer, request);
        } finally {
            for (AutoCloseable c : request.resources()) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("closing {} failed: {}", c, e.toString());
                }
            }
        }
    }

    /** A checked request. */
    record Request(IncomingMessage msg, String type, ControlBlock cb, X509Certificate clientSignature,
                   X509Certificate clientCipher, List<AutoCloseable> resources) {
    }

    static String requestType(IncomingMessage msg) {
        for (String h : List.of("storeDelivery", "fetchDelivery", "forwardDelivery", "mediateDelivery")) {
            if (msg.header(h).isPresent()) {
                return h;
            }
        }
        for (String h : List.of("partialStoreDelivery", "partialFetchDelivery")) {
            if (msg.header(OsciXml.OSCI2017, h).isPresent()) {
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

    private OutgoingMessage getMessageId(Request r) throws Conversations.Refused {
        ControlBlock answerCb = answerControlBlock(r, false);
        String id = mailbox.issueMessageId();
        String body = "<osci:responseToGetMessageId>" + Headers.feedback(ok(r.cb().conversationId() == null
                ? FeedbackCode.OK_DIALOG_CLOSED : FeedbackCode.OK_DIALOG_OPEN))
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

    /** Sequence number and control block of an answer, advancing an explicit dialog when the request is part of one. */
    ControlBlock answerControlBlock(Request r, boolean explicitRequired) throws Conversations.Refused {
        if (r.cb().conversationId() == null) {
            if (explicitRequired) {
                throw new Conversations.Refused(FeedbackCode.EXPLICIT_DIALOG_REQUIRED, r.type() + " must be sent inside an"
                        + " explicit dialog (InitDialog first)");
            }
            requireImplicit(r);
            return new ControlBlock(conversations.implicitId(), r.cb().sequenceNumber(), r.cb().challenge(),
                    ControlBlock.newChallenge());
        }
        String challenge = ControlBlock.newChallenge();
        int seq = conversations.advance(r.cb(), r.clientSignature(), challenge, false);
        return new ControlBlock(r.cb().conversationId(), seq, r.cb().challenge(), challenge);
    }

    private OutgoingMessage storeDelivery(Request r) throws Conversations.Refused {
        ControlBlock cb = answerControlBlock(r, false);
        Stored st = storeMessage(r.msg(), r.clientSignature(), r.cb().conversationId() != null);
        StringBuilder h = new StringBuilder("<osci:responseToStoreDelivery").append(OsciXml.NS_DECLS)
                .append(" Id=\"responsetostoredelivery\" soap:actor=\"").append(OsciXml.ACTOR_NEXT)
                .append("\" soap:mustUnderstand=\"1\">").append(Headers.feedback(st.feedback()));
        if (st.card() != null) {
            h.append(storeCardXml(st.card()));
        }
        h.append("</osci:responseToStoreDelivery>");
        return answer("soapResponseToStoreDelivery.xsd", cb).header(h.toString()).body(Headers.body(""));
    }

    /** The card in an answer to a store, as the schema of that answer allows: creation and subject. */
    static String storeCardXml(ProcessCard card) {
        return ProcessCardXml.write(new ProcessCard(card.messageId(), card.recentModification(), card.creation(), null,
                null, card.subject(), card.inspections(), null));
    }

    /** What executing a StoreDelivery gave: its feedback and, when stored, the process card. */
    record Stored(List<Feedback> feedback, ProcessCard card) {
    }

    /**
     * Executes a StoreDelivery message (sent whole or reassembled from chunks): consumes its message
     * id and keeps it in the addressee's mailbox.
     *
     * @param msg      the message
     * @param signer   the originator's signature certificate (of the request or of the chunks)
     * @param explicit whether it came in an explicit dialog (feedback 0801 instead of 0800)
     */
    Stored storeMessage(IncomingMessage msg, X509Certificate signer, boolean explicit) {
        Element order = msg.requireHeader("storeDelivery");
        String messageId = Dom.optional(order, OsciXml.OSCI, "MessageId").map(e -> Headers.decodeMessageId(Dom.text(e)))
                .orElse(null);
        String subject = Dom.optional(order, OsciXml.OSCI, "Subject").map(Dom::text).orElse(null);
        Instant now = clock.instant();
        List<Inspection> inspections = inspections(msg, now);
        X509Certificate addressee = msg.nonIntermediaryCertificates("CipherCertificateAddressee").stream().findFirst()
                .map(IncomingMessage::certificateOf).orElse(null);
        if (messageId == null) {
            return new Stored(error(FeedbackCode.MESSAGE_ID_MISSING), null);
        } else if (addressee == null) {
            return new Stored(error(FeedbackCode.INVALID_REQUEST), null);
        } else if (!mailbox.consumeMessageId(messageId)) {
            return new Stored(error(FeedbackCode.MESSAGE_ID_INVALID), null);
        }
        ProcessCard card = new ProcessCard(new MessageId(messageId), now, now, null, null, subject, inspections, null);
        mailbox.store(messageId, Mailbox.key(Certs.der(addressee)), Mailbox.key(Certs.der(signer)), msg.plainMessage(), card);
        return new Stored(ok(explicit ? FeedbackCode.OK_DIALOG_OPEN : FeedbackCode.OK_DIALOG_CLOSED), card);
    }

    List<Inspection> inspections(IncomingMessage msg, Instant now) {
        List<Inspection> out = new ArrayList<>();
        Set<X509Certificate> seen = new LinkedHashSet<>();
        msg.header("NonIntermediaryCertificates").ifPresent(h -> {
            for (Element e : Dom.children(h)) {
                seen.add(IncomingMessage.certificateOf(e));
            }
        });
        for (X509Certificate c : seen) {
            out.add(ProcessCardXml.inspect(c, now));
        }
        return out;
    }

    private OutgoingMessage fetchDelivery(Request r) throws Conversations.Refused {
        ControlBlock cb = answerControlBlock(r, true);
        Selection sel = select(r.msg().requireHeader("fetchDelivery"), r.clientCipher());
        Fetched f = fetchAnswer(cb, sel, r.resources());
        if (f.card() != null) {
            mailbox.markFetched(sel.found(), f.card());
        }
        return f.answer();
    }

    /** Which delivery a FetchDelivery (or PartialFetchDelivery) selects among the client's. */
    record Selection(String byId, Instant byDate, Mailbox.Delivery found, long remaining) {
        String echo() {
            StringBuilder echo = new StringBuilder("<osci:fetchDelivery>");
            if (byId != null) {
                echo.append("<osci:SelectionRule><osci:MessageId>").append(Headers.encodeMessageId(byId))
                        .append("</osci:MessageId></osci:SelectionRule>");
            } else if (byDate != null) {
                echo.append("<osci:SelectionRule><osci:ReceptionOfDelivery>").append(ProcessCardXml.format(byDate))
                        .append("</osci:ReceptionOfDelivery></osci:SelectionRule>");
            }
            return echo.append("</osci:fetchDelivery>").toString();
        }
    }

    /**
     * @param order        the element holding the SelectionRule
     * @param clientCipher the client's cipher certificate (names its mailbox)
     * @return the selection
     */
    Selection select(Element order, X509Certificate clientCipher) {
        Optional<Element> rule = Dom.optional(order, OsciXml.OSCI, "SelectionRule");
        String byId = rule.flatMap(e -> Dom.optional(e, OsciXml.OSCI, "MessageId")).map(e -> Headers.decodeMessageId(Dom.text(e)))
                .orElse(null);
        Instant byDate = rule.flatMap(e -> Dom.optional(e, OsciXml.OSCI, "ReceptionOfDelivery"))
                .map(e -> ProcessCardXml.parse(Dom.text(e))).orElse(null);
        String me = clientCipher == null ? "" : Mailbox.key(Certs.der(clientCipher));
        List<Mailbox.Delivery> mine = mailbox.deliveries(me);
        Mailbox.Delivery found = null;
        for (Mailbox.Delivery d : mine) {
            boolean match = byId != null ? d.messageId().equals(byId)
                    : byDate != null ? d.card().creationTime().map(t -> t.isAfter(byDate)).orElse(false)
                    : !d.fetched();
            if (match) {
                found = d;
                break;
            }
        }
        long remaining = mine.stream().filter(d -> !d.fetched() && !d.messageId().equals(byId)).count()
                - (byId == null && byDate == null && found != null ? 1 : 0);
        return new Selection(byId, byDate, found, remaining);
    }

    /** An answer to FetchDelivery and the delivery's card as of handing it out ({@code null} when none was found). */
    record Fetched(OutgoingMessage answer, ProcessCard card) {
    }

    /**
     * Builds the answer to FetchDelivery for a selection (not yet marked as fetched).
     *
     * @param cb        the answer's control block
     * @param sel       the selection
     * @param resources receives what must be closed after the answer was written
     * @return the answer
     */
    Fetched fetchAnswer(ControlBlock cb, Selection sel, List<AutoCloseable> resources) {
        String head = "<osci:responseToFetchDelivery" + OsciXml.NS_DECLS + " Id=\"responsetofetchdelivery\" soap:actor=\""
                + OsciXml.ACTOR_NEXT + "\" soap:mustUnderstand=\"1\">";
        OutgoingMessage answer = answer("soapResponseToFetchDelivery.xsd", cb);
        Mailbox.Delivery found = sel.found();
        if (found == null) {
            answer.header(head + Headers.feedback(error(FeedbackCode.NO_DELIVERY)) + sel.echo() + "</osci:responseToFetchDelivery>");
            return new Fetched(answer.body(Headers.body("")), null);
        }
        Instant now = clock.instant();
        ProcessCard card = found.card();
        ProcessCard updated = new ProcessCard(card.messageId(), now, card.creation(),
                card.forwarding() == null ? now : card.forwarding(), card.reception() == null ? now : card.reception(),
                card.subject(), card.inspections(), null);
        List<Feedback> feedback = new ArrayList<>(ok(FeedbackCode.OK_DIALOG_OPEN));
        if (sel.remaining() > 0) {
            feedback.add(new Feedback(FeedbackCode.MORE_DELIVERIES.code(), "en", FeedbackCode.MORE_DELIVERIES.description()));
        }
        String cardXml = ProcessCardXml.write(new ProcessCard(updated.messageId(), updated.recentModification(),
                updated.creation(), updated.forwarding(), null, updated.subject(), updated.inspections(), null));
        answer.header(head + Headers.feedback(feedback) + sel.echo() + cardXml + "</osci:responseToFetchDelivery>");
        StoredParts parts = StoredParts.read(found.message(), limits);
        resources.add(parts);
        answer.afterIntermediaryCertificates(parts.nonIntermediaryCertificates());
        answer.body(parts.body());
        for (OutgoingMessage.Attachment a : parts.attachments()) {
            answer.attachment(a);
        }
        return new Fetched(answer, updated);
    }

    private OutgoingMessage fetchProcessCard(Request r) throws Conversations.Refused {
        ControlBlock cb = answerControlBlock(r, true);
        Element order = r.msg().bodyElement().orElseThrow();
        Optional<Element> rule = Dom.optional(order, OsciXml.OSCI, "SelectionRule");
        List<String> ids = rule.map(e -> Dom.children(e, OsciXml.OSCI, "MessageId").stream()
                .map(m -> Headers.decodeMessageId(Dom.text(m))).toList()).orElse(List.of());
        Optional<Element> reception = rule.flatMap(e -> Dom.optional(e, OsciXml.OSCI, "ReceptionOfDelivery"));
        Optional<Element> modification = rule.flatMap(e -> Dom.optional(e, OsciXml.OSCI, "RecentModification"));
        long limit = Dom.optional(order, OsciXml.OSCI, "Quantity").map(q -> Long.parseLong(q.getAttribute("Limit").trim()))
                .orElse(Long.MAX_VALUE);
        String meAsOriginator = Mailbox.key(Certs.der(r.clientSignature()));
        String meAsAddressee = r.clientCipher() == null ? "" : Mailbox.key(Certs.der(r.clientCipher()));
        List<Mailbox.Delivery> candidates = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (String id : ids) {
                mailbox.find(id).ifPresent(candidates::add);
            }
        } else {
            candidates.addAll(mailbox.all());
        }
        Optional<Element> dateRule = reception.isPresent() ? reception : modification;
        String role = dateRule.map(e -> e.getAttribute("Role")).orElse("");
        Instant after = dateRule.map(e -> ProcessCardXml.parse(Dom.text(e))).orElse(null);
        boolean noReception = dateRule.map(e -> "true".equals(e.getAttribute("NoReception"))).orElse(false);
        List<ProcessCard> cards = new ArrayList<>();
        for (Mailbox.Delivery d : candidates) {
            boolean asOriginator = d.originator().equals(meAsOriginator);
            boolean asAddressee = d.addressee().equals(meAsAddressee);
            boolean allowed = role.equals("Originator") ? asOriginator : role.equals("Addressee") ? asAddressee
                    : asOriginator || asAddressee;
            if (!allowed) {
                continue;
            }
            Instant t = reception.isPresent() ? d.card().creation() : d.card().recentModification();
            if (after != null && (t == null || !t.isAfter(after))) {
                continue;
            }
            if (noReception && d.card().reception() != null) {
                continue;
            }
            cards.add(d.card());
        }
        List<Feedback> feedback;
        if (cards.isEmpty()) {
            feedback = error(FeedbackCode.NO_PROCESS_CARD);
        } else {
            feedback = new ArrayList<>(ok(FeedbackCode.OK_DIALOG_OPEN));
            if (cards.size() > limit) {
                feedback.add(new Feedback(FeedbackCode.MORE_PROCESS_CARDS.code(), "en", FeedbackCode.MORE_PROCESS_CARDS.description()));
            }
        }
        StringBuilder body = new StringBuilder("<osci:responseToFetchProcessCard>").append(Headers.feedback(feedback))
                .append("<osci:fetchProcessCard>");
        rule.ifPresent(e -> body.append(reSelection(ids, reception, modification)));
        body.append("</osci:fetchProcessCard>");
        cards.stream().limit(limit).forEach(c -> body.append(ProcessCardXml.write(c)));
        body.append("</osci:responseToFetchProcessCard>");
        return answer("soapResponseToFetchProcessCard.xsd", cb).body(Headers.body(body.toString()));
    }

    private static String reSelection(List<String> ids, Optional<Element> reception, Optional<Element> modification) {
        StringBuilder sb = new StringBuilder("<osci:SelectionRule>");
        for (String id : ids) {
            sb.append("<osci:MessageId>").append(Headers.encodeMessageId(id)).append("</osci:MessageId>");
        }
        reception.ifPresent(e -> sb.append("<osci:ReceptionOfDelivery>").append(ProcessCardXml.format(ProcessCardXml.parse(Dom.text(e))))
                .append("</osci:ReceptionOfDelivery>"));
        modification.ifPresent(e -> sb.append("<osci:RecentModification>").append(ProcessCardXml.format(ProcessCardXml.parse(Dom.text(e))))
                .append("</osci:RecentModification>"));
        return sb.append("</osci:SelectionRule>").toString();
    }

    static List<Feedback> error(FeedbackCode code) {
        return List.of(new Feedback(code.code(), "en", code.description()));
    }

    private void requireImplicit(Request r) {
        if (r.cb().challenge() == null || r.cb().sequenceNumber() == null) {
            throw new OsciException(OsciCheck.CONTROL_BLOCK, "the control block of " + r.type() + " needs a challenge and a"
                    + " sequence number");
        }
    }

    OutgoingMessage answer(String schema, ControlBlock cb) {
        return new OutgoingMessage(schema).header(cb.toXml());
    }

    static List<Feedback> ok(FeedbackCode code) {
        return List.of(new Feedback(code.code(), "en", code.description()));
    }

    private Answer send(OutgoingMessage answer, Request r) {
        Spool plain = new Spool();
        try (OutputStream out = plain.output()) {
            signed(answer, out);
        } catch (IOException e) {
            plain.close();
            throw new UncheckedIOException(e);
        }
        if (!r.msg().transportEncrypted()) {
            return new Answer(200, "text/xml", plain, null);
        }
        return new Answer(200, "text/xml", plain, TransportEnvelope.sealed(plain, r.clientCipher()));
    }

    /**
     * Adds the IntermediaryCertificates, signs an answer as the intermediary and writes it as MIME.
     *
     * @param answer the answer
     * @param out    where to write
     */
    void signed(OutgoingMessage answer, OutputStream out) {
        answer.header(Headers.intermediaryCertificates(signatureCertificate()));
        byte[] soap = answer.soap(identity.signer(), OutgoingMessage.SignatureKind.SUPPLIER,
                Headers.intermediarySignatureId(signatureCertificate()));
        answer.write(out, soap);
    }

    Mailbox mailbox() {
        return mailbox;
    }

    IncomingMessage.Limits limits() {
        return limits;
    }

    Clock clock() {
        return clock;
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
        return new Answer(server ? 500 : 200, "text/xml", s, null);
    }
}
