package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.MediatedReply;
import de.ozgkit.messaging.MediationResult;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciDialog;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.OsciFeedbackException;
import de.ozgkit.messaging.OsciRecipient;
import de.ozgkit.messaging.PassiveDelivery;
import de.ozgkit.messaging.PassiveRecipient;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ozgkit's client against damaged and replayed answers to MediateDelivery: a flipped byte anywhere
 * in the answer, and the answer to an earlier MediateDelivery played back in the same dialog, are
 * refused with the failed check; nothing of the reply is handed out.
 */
class MediationClientHostileTest {

    static final IssuedCertificate CLIENT = OsciParties.party("Hostile mediation client");
    static final IssuedCertificate VENDOR = OsciParties.party("Hostile mediation vendor");
    static OsciIntermediaryService service;
    static Sandbox sandbox;
    static RecipientServer server;

    @BeforeAll
    static void start() {
        service = new OsciIntermediaryService();
        sandbox = Sandbox.builder().service(service).start();
        server = RecipientServer.start(PassiveRecipient.builder().identity(OsciParties.identity(VENDOR))
                .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate())
                .handler(new OsciRecipient() {
                    @Override
                    public void accept(PassiveDelivery d) {
                    }

                    @Override
                    public MediatedReply process(PassiveDelivery d) {
                        return MediatedReply.of("r", ContentContainer.builder().text("reply")
                                .signedBy(OsciParties.identity(VENDOR).signer()).encryptedFor(d.originatorCipher()).build());
                    }
                }).build());
        service.intermediary().registerRecipient(server.uri(), VENDOR.certificate(), VENDOR.certificate());
    }

    @AfterAll
    static void stop() {
        server.close();
        sandbox.close();
    }

    static OsciClient client(UnaryOperator<byte[]> answers) {
        OzgClientConfig base = OzgClientConfig.builder().baseUri(sandbox.baseUri(OsciIntermediaryService.NAME)).build();
        return OsciClient.builder().config(base.toBuilder().transport(new RecordingTransport(base, new ArrayList<>(), answers))
                        .build())
                .originator(OsciParties.identity(CLIENT))
                .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate()).build();
    }

    static Delivery request() {
        return Delivery.builder().addressee(VENDOR.certificate())
                .container(ContentContainer.builder().text("q").encryptedFor(VENDOR.certificate()).build()).build();
    }

    @Test
    void aFlippedByteInTheAnswer_isRefused() {
        for (double where : List.of(0.3, 0.6, 0.9)) {
            AtomicInteger answers = new AtomicInteger();
            try (OsciClient client = client(a -> {
                // answers: InitDialog, MediateDelivery, ...
                if (answers.incrementAndGet() != 2) {
                    return a;
                }
                byte[] t = a.clone();
                int i = (int) (t.length * where);
                t[i] = (byte) (t[i] == 'A' ? 'B' : 'A');
                return t;
            })) {
                OsciDialog d = client.openDialog();
                assertThatThrownBy(() -> d.mediate(request(), server.uri(), null))
                        .isInstanceOfSatisfying(OsciException.class, e -> assertThat(e).isNotInstanceOf(OsciFeedbackException.class));
                // the dialog is left after a damaged answer: no ExitDialog follows
                d.close();
                assertThat(answers.get()).isEqualTo(2);
            }
        }
    }

    @Test
    void theAnswerToAnEarlierMediateDelivery_playedBack_isRefusedAsAReplay() {
        AtomicInteger answers = new AtomicInteger();
        AtomicReference<byte[]> first = new AtomicReference<>();
        try (OsciClient client = client(a -> {
            // answers: InitDialog, the first MediateDelivery (kept), the second (replaced by the first)
            int n = answers.incrementAndGet();
            if (n == 2) {
                first.set(a);
            }
            return n == 3 ? first.get() : a;
        })) {
            OsciDialog d = client.openDialog();
            try (MediationResult r = d.mediate(request(), server.uri(), null)) {
                assertThat(r.reply().containers().get(0).contents().get(0).text()).isEqualTo("reply");
            }
            assertThatThrownBy(() -> d.mediate(request(), server.uri(), null))
                    .isInstanceOfSatisfying(OsciException.class, e -> assertThat(e.check()).isEqualTo(OsciCheck.CONTROL_BLOCK));
            d.close();
            assertThat(answers.get()).isEqualTo(3);
        }
    }
}
