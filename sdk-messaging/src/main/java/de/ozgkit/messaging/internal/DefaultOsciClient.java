package de.ozgkit.messaging.internal;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.internal.ErrorMapper;
import de.ozgkit.core.internal.HttpPipeline;
import de.ozgkit.messaging.Decrypter;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.Feedback;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciDialog;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.OsciFeedbackException;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.SignedEvidence;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.messaging.TransferListener;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/** The {@link OsciClient} on core's HTTP pipeline. Thread-safe. */
public final class DefaultOsciClient implements OsciClient {

    private final HttpPipeline pipeline;
    private final OsciIdentity originator;
    private final X509Certificate intermediaryCipher;
    private final X509Certificate intermediarySignature;
    private final boolean encrypt;
    private final boolean allowLegacy;
    private final Clock clock;
    private final IncomingMessage.Limits limits;
    final long chunkBytes;
    final IncomingMessage.Limits largeLimits;
    final TransferListener listener;

    /**
     * @param config                transport settings with the intermediary's URI
     * @param originator            the client's keys
     * @param intermediaryCipher    the intermediary's cipher certificate
     * @param intermediarySignature the intermediary's signature certificate, may be {@code null} to accept the one the answers carry
     * @param encrypt               whether to use transport encryption
     * @param allowLegacy           whether AES-CBC content may be read
     * @param clock                 the clock
     * @param chunkKib              the chunk size of large transfers in KiB, 0 for none
     * @param maxLargeMessageBytes  the largest message accepted in chunks
     * @param listener              hears about chunks
     */
    public DefaultOsciClient(OzgClientConfig config, OsciIdentity originator, X509Certificate intermediaryCipher,
                             X509Certificate intermediarySignature, boolean encrypt, boolean allowLegacy, Clock clock,
                             int chunkKib, long maxLargeMessageBytes, TransferListener listener) {
        Crypto.requireStrongKey(originator.signer().certificate(), "signature certificate");
        Crypto.requireStrongKey(intermediaryCipher, "intermediary's cipher certificate");
        this.pipeline = new HttpPipeline(config);
        this.originator = originator;
        this.intermediaryCipher = intermediaryCipher;
        this.intermediarySignature = intermediarySignature;
        this.encrypt = encrypt;
        this.allowLegacy = allowLegacy;
        this.clock = clock;
        // an answer carrying a chunk may exceed the response limit by the chunk's frame
        this.limits = new IncomingMessage.Limits(Math.max(config.maxResponseBytes(), chunkKib * 1024L + (1 << 20)),
                Math.min(config.maxResponseBytes(), 16L << 20), 1000, 64);
        this.chunkBytes = chunkKib * 1024L;
        this.largeLimits = new IncomingMessage.Limits(maxLargeMessageBytes, 16L << 20, 1000, 64);
        this.listener = listener;
    }

    // ------------------------------------------------------------------ requests

    String originatorCertificates(boolean withCipher) {
        List<Headers.CertEntry> e = new ArrayList<>();
        X509Certificate sig = originator.signer().certificate();
        X509Certificate cipher = originator.decrypter().certificate();
        if (withCipher) {
            e.add(new Headers.CertEntry("CipherCertificateOriginator", Certs.refId("originator_cipher", cipher), cipher));
        }
        e.add(new Headers.CertEntry("SignatureCertificateOriginator", signatureRef(), sig));
        return Headers.nonIntermediaryCertificates(e);
    }

    private String signatureRef() {
        return Certs.refId("originator_signature", originator.signer().certificate());
    }

    @Override
    public MessageId getMessageId() {
        String challenge = ControlBlock.newChallenge();
        OutgoingMessage req = new OutgoingMessage("soapGetMessageId.xsd").header(new ControlBlock(null, 0, null, challenge).toXml())
                .header(Headers.desiredLanguages("de")).header(originatorCertificates(true))
                .body(Headers.body("<osci:getMessageId></osci:getMessageId>"));
        try (IncomingMessage answer = exchange(req, "soapResponseToGetMessageId.xsd", challenge, null, 0)) {
            Element body = answer.bodyElement().orElseThrow(() -> new OsciException(OsciCheck.STRUCTURE, "answer has no body"));
            feedback(body);
            return new MessageId(Headers.decodeMessageId(Dom.text(Dom.one(body, OsciXml.OSCI, "MessageId"))));
        }
    }

    @Override
    public StoreReceipt store(Delivery delivery) {
        Crypto.requireStrongKey(delivery.addressee(), "addressee's cipher certificate");
        MessageId id = delivery.messageId() != null ? delivery.messageId() : recovering(this::getMessageId);
        ContentWriter.Result content = ContentWriter.write(delivery.containers());
        String challenge = ControlBlock.newChallenge();
        OutgoingMessage req = storeRequest(originator, delivery, id, content, challenge);
        byte[] soap = req.soap(originator.signer(), OutgoingMessage.SignatureKind.CLIENT, signatureRef());
        // the message is written once: every attempt sends the same bytes, so that chunks of one
        // attempt and of the next belong together
        try (Spool plain = new Spool()) {
            try (var o = plain.output()) {
                req.write(o, soap);
            } catch (IOException e) {
                throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
            }
            content.spools().forEach(Spool::close);
            int attempts = pipeline.config().retryPolicy().maxAttempts();
            for (int attempt = 1; ; attempt++) {
                try {
                    if (chunkBytes > 0 && plain.size() > chunkBytes) {
                        return PartialTransfer.store(this, id, delivery, plain);
                    }
                    try (IncomingMessage answer = checked(post(plain), "soapResponseToStoreDelivery.xsd", challenge, null, 0)) {
                        return receipt(answer, answer.requireHeader("responseToStoreDelivery"), id);
                    }
                } catch (RuntimeException e) {
                    // a lost answer or a failure on the way: the message id is fixed, so a stored
                    // delivery shows up as its process card, and nothing is stored twice
                    if (attempt >= attempts || !recoverable(e, attempt > 1)) {
                        throw e;
                    }
                    Optional<ProcessCard> card = storedCard(id);
                    if (card.isPresent()) {
                        return new StoreReceipt(id, card.get(), List.of());
                    }
                    pause(attempt);
                }
            }
        } finally {
            content.spools().forEach(Spool::close);
        }
    }

    /** The receipt in an answer to StoreDelivery (or in the last answer of a chunked store). */
    StoreReceipt receipt(IncomingMessage answer, Element holder, MessageId id) {
        List<Feedback> fb = feedback(holder);
        ProcessCard card = ProcessCardXml.read(Dom.one(holder, OsciXml.OSCI, "ProcessCardBundle"), evidence(answer, holder));
        if (!card.messageId().equals(id)) {
            throw new OsciException(OsciCheck.STRUCTURE, "the process card is for message " + card.messageId()
                    + ", not for " + id);
        }
        return new StoreReceipt(id, card, fb);
    }

    /**
     * Whether a failed request may be repeated (or looked after): broken connections, timeouts,
     * errors of the intermediary's server, a dialog the intermediary no longer knows; after an
     * earlier attempt also a message id that is used already (that attempt stored it).
     */
    static boolean recoverable(RuntimeException e, boolean sentBefore) {
        if (e instanceof de.ozgkit.core.OzgClientException c) {
            return c.kind() == de.ozgkit.core.OzgClientException.Kind.IO || c.kind() == de.ozgkit.core.OzgClientException.Kind.TIMEOUT;
        }
        if (e instanceof de.ozgkit.core.OzgServiceException s) {
            return s.status() >= 500;
        }
        if (e instanceof OsciFeedbackException f) {
            return f.code().equals("9000") || f.code().equals("9400") || sentBefore && f.code().equals("9801");
        }
        return false;
    }

    /** The process card of a message this client sent, when the intermediary has one; empty when it cannot be asked now. */
    private Optional<ProcessCard> storedCard(MessageId id) {
        try {
            Dialog d = openInternal();
            try {
                return d.processCards(id).stream().findFirst();
            } finally {
                try {
                    d.close();
                } catch (RuntimeException e) {
                    d.abandon();
                }
            }
        } catch (OsciFeedbackException e) {
            // the intermediary refused the look-up itself (e.g. it restarted and forgot the dialog
            // this look-up opened): it cannot be asked now; the store is repeated or fails as it would
            return Optional.empty();
        } catch (RuntimeException e) {
            if (recoverable(e, true)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Runs a request that may simply be repeated, repeating it after recoverable failures. */
    <T> T recovering(java.util.function.Supplier<T> request) {
        int attempts = pipeline.config().retryPolicy().maxAttempts();
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !recoverable(e, false)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    void pause(int attempt) {
        try {
            Thread.sleep(pipeline.config().retryPolicy().backoff(attempt).toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new de.ozgkit.core.OzgClientException(de.ozgkit.core.OzgClientException.Kind.IO,
                    "interrupted while waiting to repeat an OSCI request", ie, attempt);
        }
    }

    /** @return the NonIntermediaryCertificates of a message to an addressee (no content certificates) */
    String addresseeCertificates(X509Certificate addressee) {
        X509Certificate cipher = originator.decrypter().certificate();
        return Headers.nonIntermediaryCertificates(List.of(
                new Headers.CertEntry("CipherCertificateOriginator", Certs.refId("originator_cipher", cipher), cipher),
                new Headers.CertEntry("CipherCertificateAddressee", Certs.refId("addressee_cipher", addressee), addressee),
                new Headers.CertEntry("SignatureCertificateOriginator", signatureRef(), originator.signer().certificate())));
    }

    /**
     * Builds a StoreDelivery request as this client sends it.
     *
     * @param originator the originator
     * @param delivery   the delivery
     * @param id         its message id
     * @param content    the written content package
     * @param challenge  the control block's challenge
     * @return the request, not yet signed
     */
    public static OutgoingMessage storeRequest(OsciIdentity originator, Delivery delivery, MessageId id,
                                               ContentWriter.Result content, String challenge) {
        StringBuilder order = new StringBuilder("<osci:storeDelivery").append(OsciXml.NS_DECLS)
                .append(" Id=\"storedelivery\" soap:actor=\"").append(OsciXml.ACTOR_NEXT).append("\" soap:mustUnderstand=\"1\">")
                .append("<osci:MessageId>").append(Headers.encodeMessageId(id.value())).append("</osci:MessageId>");
        if (delivery.subject() != null) {
            OsciXml.text(order.append("<osci:Subject>"), delivery.subject()).append("</osci:Subject>");
        }
        order.append("</osci:storeDelivery>");
        List<Headers.CertEntry> certs = new ArrayList<>(content.certificates());
        X509Certificate cipher = originator.decrypter().certificate();
        certs.add(new Headers.CertEntry("CipherCertificateOriginator", Certs.refId("originator_cipher", cipher), cipher));
        certs.add(new Headers.CertEntry("CipherCertificateAddressee", Certs.refId("addressee_cipher", delivery.addressee()),
                delivery.addressee()));
        certs.add(new Headers.CertEntry("SignatureCertificateOriginator",
                Certs.refId("originator_signature", originator.signer().certificate()), originator.signer().certificate()));
        OutgoingMessage req = new OutgoingMessage("soapStoreDelivery.xsd").header(new ControlBlock(null, 0, null, challenge).toXml())
                .header(Headers.desiredLanguages("de")).header(Headers.qualityOfTimestamp("creation"))
                .header(Headers.qualityOfTimestamp("reception")).header(order.toString())
                .header(Headers.nonIntermediaryCertificates(certs)).body(Headers.body(content.contentPackage()));
        content.attachments().forEach(req::attachment);
        return req;
    }

    /**
     * Builds, signs and seals a StoreDelivery exactly as {@link #store} sends it, into a stream.
     *
     * @param originator         the originator
     * @param intermediaryCipher the intermediary's cipher certificate, or {@code null} for no transport encryption
     * @param delivery           the delivery
     * @param id                 its message id
     * @param out                receives the HTTP body
     */
    public static void writeStoreDelivery(OsciIdentity originator, X509Certificate intermediaryCipher, Delivery delivery,
                                          MessageId id, java.io.OutputStream out) {
        ContentWriter.Result content = ContentWriter.write(delivery.containers());
        try {
            OutgoingMessage req = storeRequest(originator, delivery, id, content, ControlBlock.newChallenge());
            byte[] soap = req.soap(originator.signer(), OutgoingMessage.SignatureKind.CLIENT,
                    Certs.refId("originator_signature", originator.signer().certificate()));
            if (intermediaryCipher == null) {
                req.write(out, soap);
                return;
            }
            try (Spool inner = new Spool()) {
                try (var o = inner.output()) {
                    req.write(o, soap);
                } catch (IOException e) {
                    throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
                }
                TransportEnvelope.seal(inner, intermediaryCipher, out);
            }
        } finally {
            content.spools().forEach(Spool::close);
        }
    }

    /** @return the client's keys */
    OsciIdentity originator() {
        return originator;
    }

    /** @return whether AES-CBC content may be read */
    boolean allowLegacy() {
        return allowLegacy;
    }

    @Override
    public StoreReceipt forward(Delivery delivery, java.net.URI recipient, de.ozgkit.messaging.MessageMetaData metaData) {
        return Mediation.forward(this, delivery, recipient, metaData);
    }

    @Override
    public OsciDialog openDialog() {
        String challenge = ControlBlock.newChallenge();
        OutgoingMessage req = new OutgoingMessage("soapInitDialog.xsd").header(new ControlBlock(null, null, null, challenge).toXml())
                .header(Headers.desiredLanguages("de")).header(originatorCertificates(true))
                .body(Headers.body("<osci:initDialog></osci:initDialog>"));
        try (IncomingMessage answer = exchange(req, "soapResponseToInitDialog.xsd", challenge, null, null)) {
            feedback(answer.bodyElement().orElseThrow());
            ControlBlock cb = answer.controlBlock();
            if (cb.conversationId() == null || cb.challenge() == null) {
                throw new OsciException(OsciCheck.CONTROL_BLOCK, "the answer to InitDialog opens no conversation");
            }
            return new Dialog(cb.conversationId(), cb.challenge());
        }
    }

    /**
     * Opens an explicit dialog for the chunked transfers, which continue in new dialogs after a
     * broken connection.
     *
     * @return the dialog
     */
    Dialog openInternal() {
        return (Dialog) openDialog();
    }

    /** An explicit dialog. */
    final class Dialog implements OsciDialog {
        private final String conversationId;
        private String serverChallenge;
        private int sequence;
        private boolean closed;

        Dialog(String conversationId, String serverChallenge) {
            this.conversationId = conversationId;
            this.serverChallenge = serverChallenge;
        }

        @Override
        public String conversationId() {
            return conversationId;
        }

        private IncomingMessage send(String schema, String answerSchema, String order, String body) {
            return send(schema, answerSchema, req -> {
                if (order != null) {
                    req.header(order);
                }
                req.header(originatorCertificates(false)).body(Headers.body(body));
            });
        }

        /**
         * Sends a request in this dialog: the control block and DesiredLanguages are written here,
         * {@code fill} adds the rest (further header blocks, body, attachments).
         */
        IncomingMessage send(String schema, String answerSchema, java.util.function.Consumer<OutgoingMessage> fill) {
            if (closed) {
                throw new OsciException(OsciCheck.STATE, "the dialog " + conversationId + " is closed");
            }
            String challenge = ControlBlock.newChallenge();
            int seq = sequence;
            OutgoingMessage req = new OutgoingMessage(schema)
                    .header(new ControlBlock(conversationId, seq, serverChallenge, challenge).toXml())
                    .header(Headers.desiredLanguages("de"));
            fill.accept(req);
            IncomingMessage answer;
            try {
                answer = exchange(req, answerSchema, challenge, conversationId, seq);
            } catch (RuntimeException e) {
                if (!(e instanceof OsciFeedbackException)) {
                    // the connection or the answer broke: where the dialog stands is unknown
                    closed = true;
                }
                throw e;
            }
            sequence++;
            serverChallenge = answer.controlBlock().challenge();
            return answer;
        }

        /** Leaves the dialog without ExitDialog (after a broken connection). */
        void abandon() {
            closed = true;
        }

        @Override
        public Optional<ReceivedDelivery> fetch(FetchSelection selection, Decrypter... readers) {
            if (chunkBytes > 0) {
                return PartialTransfer.fetch(DefaultOsciClient.this, this, selection, readers);
            }
            StringBuilder order = new StringBuilder("<osci:fetchDelivery").append(OsciXml.NS_DECLS)
                    .append(" Id=\"fetchdelivery\" soap:actor=\"").append(OsciXml.ACTOR_NEXT).append("\" soap:mustUnderstand=\"1\">")
                    .append(selectionRule(selection)).append("</osci:fetchDelivery>");
            IncomingMessage answer = send("soapFetchDelivery.xsd", "soapResponseToFetchDelivery.xsd", order.toString(), "");
            return received(answer, readers);
        }

        @Override
        public de.ozgkit.messaging.MediationResult mediate(Delivery request, java.net.URI recipient,
                                                           de.ozgkit.messaging.MessageMetaData metaData, Decrypter... readers) {
            return Mediation.mediate(DefaultOsciClient.this, this, request, recipient, metaData, readers);
        }

        @Override
        public List<ProcessCard> processCards(MessageId... ids) {
            StringBuilder rule = new StringBuilder("<osci:SelectionRule>");
            for (MessageId id : ids) {
                rule.append("<osci:MessageId>").append(Headers.encodeMessageId(id.value())).append("</osci:MessageId>");
            }
            return cards(rule.append("</osci:SelectionRule>").toString());
        }

        @Override
        public List<ProcessCard> processCardsReceivedAfter(Instant time) {
            return cards("<osci:SelectionRule><osci:ReceptionOfDelivery>" + ProcessCardXml.format(time)
                    + "</osci:ReceptionOfDelivery></osci:SelectionRule>");
        }

        private List<ProcessCard> cards(String rule) {
            try (IncomingMessage answer = send("soapFetchProcessCard.xsd", "soapResponseToFetchProcessCard.xsd", null,
                    "<osci:fetchProcessCard>" + rule + "</osci:fetchProcessCard>")) {
                Element rsp = answer.bodyElement().orElseThrow();
                try {
                    feedback(rsp);
                } catch (OsciFeedbackException e) {
                    if ("9804".equals(e.code())) {
                        return List.of();
                    }
                    throw e;
                }
                SignedEvidence ev = evidence(answer, answer.body());
                List<ProcessCard> out = new ArrayList<>();
                for (Element b : Dom.children(rsp, OsciXml.OSCI, "ProcessCardBundle")) {
                    out.add(ProcessCardXml.read(b, ev));
                }
                return out;
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            try (IncomingMessage answer = send("soapExitDialog.xsd", "soapResponseToExitDialog.xsd", null,
                    "<osci:exitDialog></osci:exitDialog>")) {
                feedback(answer.bodyElement().orElseThrow());
            } finally {
                closed = true;
            }
        }
    }

    /** @return the SelectionRule of a FetchDelivery, empty for the next delivery */
    static String selectionRule(FetchSelection selection) {
        if (selection.messageId() != null) {
            return "<osci:SelectionRule><osci:MessageId>" + Headers.encodeMessageId(selection.messageId().value())
                    + "</osci:MessageId></osci:SelectionRule>";
        } else if (selection.receivedAfter() != null) {
            return "<osci:SelectionRule><osci:ReceptionOfDelivery>" + ProcessCardXml.format(selection.receivedAfter())
                    + "</osci:ReceptionOfDelivery></osci:SelectionRule>";
        }
        return "";
    }

    /**
     * Reads a checked answer to FetchDelivery: feedback, process card, containers (decrypted and
     * verified). Takes ownership of the answer.
     */
    Optional<ReceivedDelivery> received(IncomingMessage answer, Decrypter... readers) {
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(answer);
        try {
            Element rsp = answer.requireHeader("responseToFetchDelivery");
            List<Feedback> fb;
            try {
                fb = feedback(rsp);
            } catch (OsciFeedbackException e) {
                if ("9803".equals(e.code())) {
                    answer.close();
                    return Optional.empty();
                }
                throw e;
            }
            ProcessCard card = ProcessCardXml.read(Dom.one(rsp, OsciXml.OSCI, "ProcessCardBundle"), evidence(answer, rsp));
            List<Decrypter> keys = new ArrayList<>(List.of(readers));
            keys.add(0, originator.decrypter());
            List<ReceivedContainer> containers = ContentReader.read(answer, keys, allowLegacy, resources);
            return Optional.of(new ReceivedDelivery(card.messageId(), card.subject(), card, containers, fb, resources));
        } catch (RuntimeException e) {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // temp files
                }
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ exchange and checks

    private IncomingMessage exchange(OutgoingMessage req, String answerSchema, String challenge, String conversationId,
                                     Integer sequence) {
        byte[] soap = req.soap(originator.signer(), OutgoingMessage.SignatureKind.CLIENT, signatureRef());
        IncomingMessage answer;
        // sent at once: the message streams from its parts, the attachments are not copied
        answer = post(req.view(soap));
        return checked(answer, answerSchema, challenge, conversationId, sequence);
    }

    /**
     * Checks an answer: no SOAP fault, transport encryption as sent, the expected type, the
     * intermediary's valid signature over every part, and (unless {@code challenge} is {@code null},
     * for the inner answer of a chunked fetch) the control block. Closes the answer when a check fails.
     */
    IncomingMessage checked(IncomingMessage answer, String answerSchema, String challenge, String conversationId,
                            Integer sequence) {
        try {
            answer.throwIfFault();
            if (encrypt && challenge != null && !answer.transportEncrypted()) {
                throw new OsciException(OsciCheck.TRANSPORT_DECRYPTION, "the intermediary answered an encrypted request"
                        + " without transport encryption");
            }
            if (java.util.Arrays.stream(answerSchema.split("\\|")).noneMatch(t -> answer.schemaLocation().contains(" " + t + " "))) {
                throw new OsciException(OsciCheck.STRUCTURE, "expected an answer of type " + answerSchema + ", got "
                        + answer.schemaLocation());
            }
            answer.header("IntermediaryCertificates").ifPresent(ic -> {
                for (Element c : Dom.children(ic, OsciXml.OSCI, "SignatureCertificateIntermediary")) {
                    if (intermediarySignature != null && !intermediarySignature.equals(IncomingMessage.certificateOf(c))) {
                        throw new OsciException(OsciCheck.CERTIFICATE, "the answer names another intermediary signature"
                                + " certificate than the configured one");
                    }
                }
            });
            X509Certificate signer = answer.verifySignature("SupplierSignature", intermediarySignature);
            Instant now = clock.instant();
            if (now.isBefore(signer.getNotBefore().toInstant()) || now.isAfter(signer.getNotAfter().toInstant())) {
                throw new OsciException(OsciCheck.CERTIFICATE, "the intermediary's signature certificate is not valid at " + now
                        + " (valid " + signer.getNotBefore().toInstant() + " to " + signer.getNotAfter().toInstant() + ")");
            }
            if (intermediarySignature == null) {
                Crypto.requireStrongKey(signer, "intermediary's signature certificate");
            }
            if (challenge != null) {
                checkControlBlock(answer.controlBlock(), challenge, conversationId, sequence);
            }
            return answer;
        } catch (RuntimeException e) {
            answer.close();
            throw e;
        }
    }

    private static void checkControlBlock(ControlBlock cb, String challenge, String conversationId, Integer sequence) {
        if (!Objects.equals(cb.response(), challenge)) {
            throw new OsciException(OsciCheck.CONTROL_BLOCK, "the answer's control block does not answer this request's"
                    + " challenge (a replayed or foreign answer)");
        }
        if (conversationId != null && !conversationId.equals(cb.conversationId())) {
            throw new OsciException(OsciCheck.CONTROL_BLOCK, "the answer belongs to conversation " + cb.conversationId()
                    + ", not " + conversationId);
        }
        if (sequence != null && cb.sequenceNumber() != null && !sequence.equals(cb.sequenceNumber())) {
            throw new OsciException(OsciCheck.CONTROL_BLOCK, "the answer carries sequence number " + cb.sequenceNumber()
                    + ", expected " + sequence);
        }
    }

    /**
     * POSTs a message (sealed for the intermediary while it streams to the connection, unless
     * transport encryption is off) and parses the answer, which streams into a spool. Neither body
     * is held whole in memory.
     */
    IncomingMessage post(Spool plain) {
        HttpRequest.Builder http = HttpRequest.builder("POST", pipeline.config().requireBaseUri());
        if (encrypt) {
            TransportEnvelope.Sealed sealed = TransportEnvelope.sealed(plain, intermediaryCipher);
            http.body("text/xml", sealed.length(), sealed::writeTo);
        } else {
            http.body("text/xml", plain.size(), out -> {
                try (var in = plain.open()) {
                    in.transferTo(out);
                }
            });
        }
        Spool[] received = new Spool[1];
        String[] contentType = new String[1];
        HttpPipeline.Exchange ex;
        try {
            ex = pipeline.send(http.build(), (status, headers, in) -> {
                if (received[0] != null) {
                    received[0].close();
                }
                contentType[0] = headers.first("Content-Type").orElse(null);
                received[0] = Spool.copyOf(in, limits.maxMessageBytes());
            });
        } catch (RuntimeException e) {
            if (received[0] != null) {
                received[0].close();
            }
            throw e;
        }
        HttpResponse response = ex.response();
        Spool body = received[0];
        if (body == null) {
            byte[] raw = response.body();
            boolean mime = raw.length > 2 && (startsWith(raw, "MIME-Version") || startsWith(raw, "--")
                    || startsWith(raw, "Content-Type"));
            if (!mime) {
                if (response.status() >= 400) {
                    throw ErrorMapper.toException(ex.request(), response, ex.attempts());
                }
                throw new OsciException(OsciCheck.STRUCTURE, "the intermediary answered HTTP " + response.status()
                        + " without an OSCI message");
            }
            body = Spool.of(raw);
            contentType[0] = response.headers().first("Content-Type").orElse(null);
        }
        return IncomingMessage.parseOwned(body, contentType[0], originator.decrypter(), limits);
    }

    private static boolean startsWith(byte[] b, String prefix) {
        if (b.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads the Feedback below an element; throws for error codes. */
    static List<Feedback> feedback(Element holder) {
        return feedbackOf(Dom.one(holder, OsciXml.OSCI, "Feedback"), "the request");
    }

    /** Reads a Feedback (or InsideFeedback) element; throws for error codes. */
    static List<Feedback> feedbackOf(Element fb, String what) {
        List<Feedback> out = new ArrayList<>();
        for (Element e : Dom.children(fb, OsciXml.OSCI, "Entry")) {
            String lang = e.hasAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")
                    ? e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang") : null;
            out.add(new Feedback(Dom.text(Dom.one(e, OsciXml.OSCI, "Code")).trim(), lang,
                    Dom.optional(e, OsciXml.OSCI, "Text").map(Dom::text).orElse("")));
        }
        for (Feedback f : out) {
            if (f.isError()) {
                throw new OsciFeedbackException(f.code(), out, "the intermediary refused " + what + " with the OSCI code "
                        + f.code() + ": " + f.text());
            }
        }
        return out;
    }

    /** The intermediary's signature over the element that holds a process card, kept for later checks. */
    SignedEvidence evidence(IncomingMessage answer, Element holder) {
        Element sig = Dom.one(answer.requireHeader("SupplierSignature"), OsciXml.DS, "Signature");
        X509Certificate signer = intermediarySignature != null ? intermediarySignature
                : answer.header("IntermediaryCertificates").flatMap(ic -> Dom.optional(ic, OsciXml.OSCI, "SignatureCertificateIntermediary"))
                .map(IncomingMessage::certificateOf).orElseThrow();
        byte[][] siv = Dsig.signedInfoAndValue(sig, signer.getPublicKey());
        String uri = "#" + holder.getAttribute("Id");
        Map<String, byte[]> canonical = new HashMap<>();
        Map<String, byte[]> digests = Dsig.digests(answer.document(), List.of(uri), cid -> null, canonical);
        String alg = Dom.one(Dom.one(sig, OsciXml.DS, "SignedInfo"), OsciXml.DS, "SignatureMethod").getAttribute("Algorithm");
        return new SignedEvidence(siv[0], siv[1], de.ozgkit.messaging.SignatureAlgorithm.fromCode(alg), canonical.get(uri),
                digests.get(uri), signer);
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
