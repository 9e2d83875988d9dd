package de.ozgkit.messaging.internal;

import static de.ozgkit.messaging.internal.Fixture.ORIGINATOR;
import static de.ozgkit.messaging.internal.Fixture.OTHER;
import static de.ozgkit.messaging.internal.Fixture.READER;
import static de.ozgkit.messaging.internal.Fixture.identity;
import static de.ozgkit.messaging.internal.Fixture.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.messaging.Attachment;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.MediatedReply;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.MessageMetaData;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.OsciRecipient;
import de.ozgkit.messaging.PassiveDelivery;
import de.ozgkit.messaging.PassiveRecipient;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.testkit.IssuedCertificate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The passive recipient against hostile messages, built here as an intermediary would send them
 * (from the OSCI schemas of AcceptDelivery and ProcessDelivery): every refusal is an
 * {@link OsciException} with the failed check, handed to {@link OsciRecipient#refused}, and an OSCI
 * answer with the matching code; the handler never sees the message.
 */
class PassiveRecipientHostileTest {

    static final IssuedCertificate INTERMEDIARY = Fixture.party("Intermediary");
    static final IssuedCertificate FORGER = Fixture.party("Forger");
    static final String HOSTILE_TEXT = "<a>&amp;\u0001\r\n\ud83d\ude00 \u1e9e ]]> \uFFFD</a>";

    final List<PassiveDelivery> handled = new CopyOnWriteArrayList<>();
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<byte[]> bytes = new CopyOnWriteArrayList<>();
    final List<OsciException> refused = new CopyOnWriteArrayList<>();

    PassiveRecipient recipient(long maxBytes) {
        return recipient(maxBytes, java.time.Clock.systemUTC());
    }

    PassiveRecipient recipient(long maxBytes, java.time.Clock clock) {
        return PassiveRecipient.builder().identity(identity(READER)).clock(clock)
                .intermediary(INTERMEDIARY.certificate(), INTERMEDIARY.certificate()).maxMessageBytes(maxBytes)
                .handler(new OsciRecipient() {
                    @Override
                    public void accept(PassiveDelivery d) {
                        record(d);
                    }

                    @Override
                    public MediatedReply process(PassiveDelivery d) {
                        record(d);
                        return MediatedReply.of("re", ContentContainer.builder().text("reply " + texts.get(texts.size() - 1))
                                .signedBy(identity(READER).signer()).encryptedFor(d.originatorCipher()).build());
                    }

                    @Override
                    public void refused(OsciException e) {
                        refused.add(e);
                    }
                }).build();
    }

    void record(PassiveDelivery d) {
        handled.add(d);
        for (ReceivedContainer c : d.delivery().containers()) {
            texts.add(c.contents().get(0).text());
            for (var a : c.attachments()) {
                try (InputStream in = a.openStream()) {
                    bytes.add(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    static List<ContentContainer> content(String text, byte[] data, IssuedCertificate reader) {
        return List.of(ContentContainer.builder().text(text).attachment(Attachment.ofBytes("data.bin", data))
                .signedBy(identity(ORIGINATOR).signer()).encryptedFor(reader.certificate()).build());
    }

    /** A ProcessDelivery (or AcceptDelivery) as the intermediary sends it, signed by {@code signer}. */
    static byte[] message(String type, List<ContentContainer> containers, IssuedCertificate signer, String challenge,
                          UnaryOperator<String> tamperBody, MessageMetaData meta) {
        return messageWithHeader(type, containers, signer, challenge, tamperBody,
                meta == null ? null : MetaDataXml.write(meta));
    }

    static byte[] messageWithHeader(String type, List<ContentContainer> containers, IssuedCertificate signer, String challenge,
                                    UnaryOperator<String> tamperBody, String metaHeader) {
        ContentWriter.Result content = ContentWriter.write(containers);
        OsciIdentity im = identity(signer);
        List<Headers.CertEntry> certs = new ArrayList<>(content.certificates());
        certs.add(new Headers.CertEntry("CipherCertificateOriginator", Certs.refId("originator_cipher", ORIGINATOR.certificate()),
                ORIGINATOR.certificate()));
        certs.add(new Headers.CertEntry("CipherCertificateAddressee", Certs.refId("addressee_cipher", READER.certificate()),
                READER.certificate()));
        certs.add(new Headers.CertEntry("SignatureCertificateOriginator",
                Certs.refId("originator_signature", ORIGINATOR.certificate()), ORIGINATOR.certificate()));
        Instant now = Instant.now();
        ProcessCard card = new ProcessCard(new MessageId("msg-" + challenge), now, now, now, null, "Betreff \r\n", List.of(), null);
        String sigId = Headers.intermediarySignatureId(signer.certificate());
        StringBuilder ic = new StringBuilder("<osci:IntermediaryCertificates").append(OsciXml.NS_DECLS)
                .append(" Id=\"intermediarycertificates\" soap:actor=\"").append(OsciXml.ACTOR_NONE)
                .append("\" soap:mustUnderstand=\"1\">");
        Certs.append(ic, "SignatureCertificateIntermediary", sigId, signer.certificate());
        ic.append("</osci:IntermediaryCertificates>");
        OutgoingMessage m = new OutgoingMessage("soap" + Character.toUpperCase(type.charAt(0)) + type.substring(1) + ".xsd")
                .header(new ControlBlock(null, null, null, challenge).toXml()).header(Headers.desiredLanguages("de"))
                .header("<osci:" + type + OsciXml.NS_DECLS + " Id=\"" + type.toLowerCase() + "\" soap:actor=\"" + OsciXml.ACTOR_NEXT
                        + "\" soap:mustUnderstand=\"1\">" + ProcessCardXml.write(card) + "</osci:" + type + ">")
                .header(ic.toString()).header(Headers.nonIntermediaryCertificates(certs));
        if (metaHeader != null) {
            m.header(metaHeader);
        }
        m.body(Headers.body(tamperBody.apply(content.contentPackage())));
        content.attachments().forEach(m::attachment);
        byte[] soap = m.soap(im.signer(), OutgoingMessage.SignatureKind.CLIENT, sigId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out, soap);
        return out.toByteArray();
    }

    static byte[] process(String challenge) {
        return message("processDelivery", content(HOSTILE_TEXT, new byte[] {1, 2}, READER), INTERMEDIARY, challenge, s -> s, null);
    }

    /** The answer, parsed; a SOAP fault's code, or the feedback code of a response. */
    static String code(PassiveRecipient.Answer a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.writeTo(out);
        try (IncomingMessage msg = IncomingMessage.parse(Spool.of(out.toByteArray()), null, null, IncomingMessage.Limits.DEFAULT)) {
            try {
                msg.throwIfFault();
            } catch (de.ozgkit.messaging.OsciFeedbackException f) {
                return "fault " + f.code();
            }
            msg.verifySignature("SupplierSignature", READER.certificate());
            String name = msg.header("responseToProcessDelivery").isPresent() ? "responseToProcessDelivery"
                    : "responseToAcceptDelivery";
            return "feedback " + Dom.text(Dom.one(Dom.one(Dom.one(msg.requireHeader(name), OsciXml.OSCI, "Feedback"),
                    OsciXml.OSCI, "Entry"), OsciXml.OSCI, "Code"));
        }
    }

    String send(PassiveRecipient r, byte[] message) throws IOException {
        try (PassiveRecipient.Answer a = r.handle(new ByteArrayInputStream(message), null)) {
            return code(a);
        }
    }

    @Test
    void valid_processDelivery_reachesTheHandler_andIsAnsweredSignedByTheRecipient_withHostileContentByteEqual()
            throws Exception {
        byte[] binary = new byte[300_000];
        new Random(3).nextBytes(binary);
        PassiveRecipient r = recipient(256L << 20);
        assertThat(send(r, message("processDelivery", content(HOSTILE_TEXT, binary, READER), INTERMEDIARY, "c1", s -> s, null)))
                .isEqualTo("feedback 0800");
        assertThat(send(r, message("acceptDelivery", content("", new byte[0], READER), INTERMEDIARY, "c2", s -> s, null)))
                .isEqualTo("feedback 0800");
        assertThat(texts).containsExactly(HOSTILE_TEXT, "");
        assertThat(bytes.get(0)).isEqualTo(binary);
        assertThat(bytes.get(1)).isEmpty();
        assertThat(handled.get(0).delivery().subject()).contains("Betreff \r\n");
        assertThat(handled.get(0).originatorSignature()).isEqualTo(ORIGINATOR.certificate());
        assertThat(refused).isEmpty();
    }

    @Test
    void tamperedIntermediarySignature_isRefusedWith9601() throws Exception {
        String m = latin1(process("c3"));
        int i = m.indexOf("<ds:SignatureValue>") + "<ds:SignatureValue>".length() + 5;
        byte[] tampered = latin1(m.substring(0, i) + (m.charAt(i) == 'A' ? 'B' : 'A') + m.substring(i + 1));
        assertThat(send(recipient(1 << 20), tampered)).isEqualTo("fault 9601");
        assertThat(refused).singleElement().extracting(OsciException::check).isEqualTo(OsciCheck.MESSAGE_SIGNATURE);
        assertThat(handled).isEmpty();
    }

    @Test
    void signedByAnotherKeyThanTheIntermediarys_isRefusedWith9601() throws Exception {
        byte[] forged = message("processDelivery", content("x", new byte[1], READER), FORGER, "c4", s -> s, null);
        assertThat(send(recipient(1 << 20), forged)).isEqualTo("fault 9601");
        assertThat(refused).singleElement().extracting(OsciException::check).isEqualTo(OsciCheck.MESSAGE_SIGNATURE);
        assertThat(handled).isEmpty();
    }

    @Test
    void tamperedContentSignature_isAnsweredWith9805_andNeverReachesTheHandler() throws Exception {
        List<ContentContainer> plain = List.of(ContentContainer.builder().text("original")
                .signedBy(identity(ORIGINATOR).signer()).build());
        String original = java.util.Base64.getEncoder().encodeToString("original".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String forged = java.util.Base64.getEncoder().encodeToString("forged!!".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] m = message("acceptDelivery", plain, INTERMEDIARY, "c5", s -> s.replace(original, forged), null);
        assertThat(send(recipient(1 << 20), m)).isEqualTo("feedback 9805");
        assertThat(refused).singleElement().extracting(OsciException::check).isEqualTo(OsciCheck.CONTENT_SIGNATURE);
        assertThat(handled).isEmpty();
    }

    @Test
    void contentForAnotherReader_isAnsweredWith9805() throws Exception {
        byte[] m = message("processDelivery", content("x", new byte[1], OTHER), INTERMEDIARY, "c6", s -> s, null);
        assertThat(send(recipient(1 << 20), m)).isEqualTo("feedback 9805");
        assertThat(refused).singleElement().extracting(OsciException::check).isEqualTo(OsciCheck.CONTENT_DECRYPTION);
        assertThat(handled).isEmpty();
    }

    @Test
    void replayedMessage_isRefusedWith9400() throws Exception {
        PassiveRecipient r = recipient(1 << 20);
        byte[] m = process("c7");
        assertThat(send(r, m)).isEqualTo("feedback 0800");
        assertThat(send(r, m)).isEqualTo("fault 9400");
        assertThat(refused).singleElement().extracting(OsciException::check).isEqualTo(OsciCheck.CONTROL_BLOCK);
        assertThat(handled).hasSize(1);
    }

    @Test
    void xxe_andEntityExpansion_areRefusedWith9100() throws Exception {
        String m = latin1(process("c8"));
        String xxe = m.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE soap:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        String bomb = m.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE soap:Envelope [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>");
        assertThat(xxe).isNotEqualTo(m);
        PassiveRecipient r = recipient(1 << 20);
        assertThat(send(r, latin1(xxe))).isEqualTo("fault 9100");
        assertThat(send(r, latin1(bomb))).isEqualTo("fault 9100");
        assertThat(refused).extracting(OsciException::check).containsOnly(OsciCheck.STRUCTURE);
        assertThat(handled).isEmpty();
    }

    @Test
    void wrongNamespace_isRefusedWith9100() throws Exception {
        String m = latin1(process("c9"));
        String soap12 = m.replace("http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope");
        String osciElsewhere = m.replace("xmlns:osci=\"http://www.osci.de/2002/04/osci\"", "xmlns:osci=\"urn:not-osci\"");
        PassiveRecipient r = recipient(1 << 20);
        assertThat(send(r, latin1(soap12))).isEqualTo("fault 9100");
        assertThat(send(r, latin1(osciElsewhere))).startsWith("fault 9");
        assertThat(refused).hasSize(2);
        assertThat(handled).isEmpty();
    }

    @Test
    void oversizedMessage_isRefusedWith9100() throws Exception {
        byte[] big = new byte[200_000];
        byte[] m = message("acceptDelivery", content("x", big, READER), INTERMEDIARY, "c10", s -> s, null);
        assertThat(send(recipient(64 << 10), m)).isEqualTo("fault 9100");
        assertThat(refused).singleElement().extracting(OsciException::check).isEqualTo(OsciCheck.SIZE);
        assertThat(handled).isEmpty();
    }

    @Test
    void truncatedOrGarbageInput_isRefusedWith9100() throws Exception {
        byte[] m = process("c11");
        PassiveRecipient r = recipient(1 << 20);
        assertThat(send(r, java.util.Arrays.copyOf(m, m.length / 2))).startsWith("fault 9");
        assertThat(send(r, "not a message".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEqualTo("fault 9100");
        assertThat(send(r, new byte[0])).isEqualTo("fault 9100");
        assertThat(handled).isEmpty();
    }

    @Test
    void messageMetaData_isWrittenAndReadTyped() throws Exception {
        MessageMetaData meta = MessageMetaData.builder().origin(Instant.parse("2026-12-03T10:15:30.123Z"))
                .author(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:05315000", "K\u00f6ln <&\"'", null))
                .reader(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:09162000", null, "Meldebehörde"))
                .messageId("urn:uuid:6f0c9f4e-1b1a-4c53-9d1c-000000000001").inReplyTo("urn:uuid:a", "urn:uuid:b")
                .subject("Betreff \u1e9e \ud83d\ude00").service("urn:xoev-de:xmeld:standard:xmeld")
                .businessScenario(new MessageMetaData.Code("XMELD_DATA", null, "urn:de:dataport:codeliste:business.scenario", "1"))
                .messageType(new MessageMetaData.Code("xmeld.0101", "Anmeldung", "urn:de:payloadSchema:elementName", "1.0"),
                        "http://www.osci.de/xmeld")
                .msgSize(1234L).testMsg(true).build();
        PassiveRecipient r = recipient(1 << 20);
        assertThat(send(r, message("processDelivery", content("m", new byte[1], READER), INTERMEDIARY, "c12", s -> s, meta)))
                .isEqualTo("feedback 0800");
        assertThat(handled.get(0).messageMetaData()).contains(meta);
    }

    @Test
    void aHeaderBlockAddedAfterSigning_isRefusedWith9602() throws Exception {
        String m = latin1(process("c13"));
        String extra = "<osci:DesiredLanguages" + OsciXml.NS_DECLS + " Id=\"injected\" LanguagesList=\"en\" soap:actor=\""
                + OsciXml.ACTOR_NEXT + "\" soap:mustUnderstand=\"1\"></osci:DesiredLanguages>";
        String wrapped = m.replace("</soap:Header>", extra + "</soap:Header>");
        assertThat(wrapped).isNotEqualTo(m);
        assertThat(send(recipient(1 << 20), latin1(wrapped))).isEqualTo("fault 9602");
        assertThat(refused).singleElement().extracting(OsciException::check).isEqualTo(OsciCheck.SIGNED_PARTS);
        assertThat(handled).isEmpty();
    }

    @Test
    void anExpiredIntermediaryCertificate_isRefusedWith9710() throws Exception {
        PassiveRecipient r = recipient(1 << 20, java.time.Clock.fixed(INTERMEDIARY.certificate().getNotAfter().toInstant()
                .plusSeconds(1), java.time.ZoneOffset.UTC));
        assertThat(send(r, process("c14"))).isEqualTo("fault 9710");
        assertThat(refused).singleElement().extracting(OsciException::check).isEqualTo(OsciCheck.CERTIFICATE);
        assertThat(handled).isEmpty();
    }

    @Test
    void malformedMessageMetaData_isRefusedWith9100() throws Exception {
        String noQualifier = "<m:MessageMetaData" + OsciXml.NS_DECLS + " xmlns:m=\"" + MetaDataXml.NS + "\" Id=\"MetaData\">"
                + "<m:DeliveryAttributes></m:DeliveryAttributes></m:MessageMetaData>";
        String badSize = MetaDataXml.write(MessageMetaData.builder()
                .author(new MessageMetaData.Party("t", "a", null, null)).reader(new MessageMetaData.Party("t", "b", null, null))
                .messageId("urn:x").service("urn:s").businessScenarioUndefined("X")
                .messageType(new MessageMetaData.Code("c", null, "urn:l", "1"), "urn:p").msgSize(5L).build())
                .replace("<m:MsgSize>5</m:MsgSize>", "<m:MsgSize>99999999999999999999999</m:MsgSize>");
        PassiveRecipient r = recipient(1 << 20);
        assertThat(send(r, messageWithHeader("processDelivery", content("x", new byte[1], READER), INTERMEDIARY, "c15",
                s -> s, noQualifier))).isEqualTo("fault 9100");
        assertThat(send(r, messageWithHeader("processDelivery", content("x", new byte[1], READER), INTERMEDIARY, "c16",
                s -> s, badSize))).isEqualTo("fault 9100");
        assertThat(refused).extracting(OsciException::check).containsExactly(OsciCheck.STRUCTURE, OsciCheck.STRUCTURE);
        assertThat(handled).isEmpty();
    }

    @Test
    void messageMetaData_refusesGreaterThanInAttributeValues() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MessageMetaData.Party("t", "id", "a > b", null))
                .isInstanceOfSatisfying(OsciException.class, e -> assertThat(e.check()).isEqualTo(OsciCheck.STRUCTURE));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MessageMetaData.Code("c", null, "urn:>", "1"))
                .isInstanceOf(OsciException.class);
        // in element text it is fine
        assertThat(new MessageMetaData.Party("t", "a > b", null, null).identifier()).isEqualTo("a > b");
    }

    @Test
    void contentForAFurtherReaderKey_isDecryptedWhenTheRecipientHoldsIt() throws Exception {
        PassiveRecipient r = PassiveRecipient.builder().identity(identity(READER)).readers(identity(OTHER).decrypter())
                .intermediary(INTERMEDIARY.certificate(), INTERMEDIARY.certificate())
                .handler(new OsciRecipient() {
                    @Override
                    public void accept(PassiveDelivery d) {
                        record(d);
                    }

                    @Override
                    public MediatedReply process(PassiveDelivery d) {
                        throw new AssertionError("not a ProcessDelivery");
                    }
                }).build();
        assertThat(send(r, message("acceptDelivery", content("for the department", new byte[] {7}, OTHER), INTERMEDIARY,
                "c17", s -> s, null))).isEqualTo("feedback 0800");
        assertThat(texts).containsExactly("for the department");
    }
}
