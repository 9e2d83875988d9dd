package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.messaging.Attachment;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FeedbackCode;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.OsciFeedbackException;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ozgkit's client against the sandbox intermediary over HTTP: store, fetch, process cards, with hostile content. */
class OsciClientRoundTripTest {

    static final IssuedCertificate SENDER = OsciParties.party("Sender Fachverfahren");
    static final IssuedCertificate RECIPIENT = OsciParties.party("Recipient Fachverfahren");
    static final IssuedCertificate STRANGER = OsciParties.party("Stranger");
    static OsciIntermediaryService service;
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        service = new OsciIntermediaryService();
        sandbox = Sandbox.builder().service(service).maxRequestBytes(64 << 20).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static final String HOSTILE_TEXT = "<a>&amp;\u0001\r\n\ud83d\ude00 \u1e9e ]]> \uFFFD</a>";

    @Test
    void store_thenFetch_returnsContentAndAttachmentsByteEqual_withVerifiedSignatures() throws Exception {
        byte[] big = new byte[3 << 20];
        new Random(1).nextBytes(big);
        byte[] empty = new byte[0];
        try (OsciClient sender = OsciParties.client(sandbox, service, SENDER);
             OsciClient recipient = OsciParties.client(sandbox, service, RECIPIENT)) {
            StoreReceipt receipt = sender.store(Delivery.builder()
                    .addressee(RECIPIENT.certificate())
                    .subject("Antrag <&> \u00e4\u00f6\u00fc \r\n \ud83d\ude00 \u1e9e")
                    .container(ContentContainer.builder().text(HOSTILE_TEXT).content(empty)
                            .attachment(Attachment.ofBytes("big.bin", big))
                            .attachment(Attachment.ofBytes("empty.bin", empty))
                            .signedBy(OsciParties.identity(SENDER).signer())
                            .encryptedFor(RECIPIENT.certificate()).build())
                    .container(ContentContainer.builder().text("plain").attachment(Attachment.ofBytes("plain.txt",
                            "\r\n\0".getBytes(StandardCharsets.ISO_8859_1))).signedBy(OsciParties.identity(SENDER).signer()).build())
                    .build());
            assertThat(receipt.feedback()).extracting(f -> f.code()).containsExactly("0800");
            assertThat(receipt.processCard().creationTime()).isPresent();
            receipt.processCard().verify();

            Optional<ReceivedDelivery> got = recipient.fetch(FetchSelection.byMessageId(receipt.messageId()));
            assertThat(got).isPresent();
            try (ReceivedDelivery d = got.get()) {
                assertThat(d.subject()).contains("Antrag <&> \u00e4\u00f6\u00fc \r\n \ud83d\ude00 \u1e9e");
                assertThat(d.containers()).hasSize(2);
                ReceivedContainer secret = d.containers().get(0);
                assertThat(secret.encrypted()).isTrue();
                assertThat(secret.signatures()).extracting(s -> s.author()).containsExactly(SENDER.certificate());
                assertThat(secret.contents().get(0).text()).isEqualTo(HOSTILE_TEXT);
                assertThat(secret.contents().get(1).bytes()).isEmpty();
                try (InputStream in = secret.attachment("big.bin").orElseThrow().openStream()) {
                    assertThat(in.readAllBytes()).isEqualTo(big);
                }
                assertThat(secret.attachment("empty.bin").orElseThrow().size()).isZero();
                ReceivedContainer plain = d.containers().get(1);
                assertThat(plain.encrypted()).isFalse();
                try (InputStream in = plain.attachment("plain.txt").orElseThrow().openStream()) {
                    assertThat(in.readAllBytes()).isEqualTo("\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
                }
                d.processCard().orElseThrow().verify();
            }
            ProcessCard card = sender.processCard(receipt.messageId()).orElseThrow();
            assertThat(card.receptionTime()).isPresent();
            assertThat(card.creationTime().orElseThrow()).isBeforeOrEqualTo(card.receptionTime().orElseThrow());
            card.verify();
        }
    }

    @Test
    void store_withUsedMessageId_isRefusedWith9801() {
        try (OsciClient sender = OsciParties.client(sandbox, service, SENDER)) {
            MessageId id = sender.getMessageId();
            Delivery d = Delivery.builder().addressee(RECIPIENT.certificate()).messageId(id)
                    .container(ContentContainer.builder().text("x").build()).build();
            sender.store(d);
            assertThatThrownBy(() -> sender.store(d)).isInstanceOfSatisfying(OsciFeedbackException.class,
                    e -> assertThat(e.feedbackCode()).isEqualTo(FeedbackCode.MESSAGE_ID_INVALID));
        }
    }

    @Test
    void fetch_byAnotherClient_findsNothing_andAWrongReaderCannotDecrypt() {
        try (OsciClient sender = OsciParties.client(sandbox, service, SENDER);
             OsciClient stranger = OsciParties.client(sandbox, service, STRANGER)) {
            StoreReceipt r = sender.store(Delivery.builder().addressee(RECIPIENT.certificate())
                    .container(ContentContainer.builder().text("secret").encryptedFor(RECIPIENT.certificate()).build()).build());
            assertThat(stranger.fetch(FetchSelection.byMessageId(r.messageId()))).isEmpty();
            // addressed to the stranger but encrypted for someone else: the stranger cannot read it
            StoreReceipt r2 = sender.store(Delivery.builder().addressee(STRANGER.certificate())
                    .container(ContentContainer.builder().text("secret").encryptedFor(RECIPIENT.certificate()).build()).build());
            assertThatThrownBy(() -> stranger.fetch(FetchSelection.byMessageId(r2.messageId())))
                    .isInstanceOfSatisfying(OsciException.class, e -> assertThat(e.check()).isEqualTo(OsciCheck.CONTENT_DECRYPTION));
        }
    }
}
