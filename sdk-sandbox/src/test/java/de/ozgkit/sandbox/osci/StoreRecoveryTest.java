package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciDialog;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.sandbox.FaultRule;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A StoreDelivery whose answer is lost after the intermediary stored it (the connection cut once the
 * request took effect) is recovered through the process card of its fixed message id: one receipt,
 * one delivery in the mailbox, not two.
 */
class StoreRecoveryTest {

    static final IssuedCertificate SENDER = OsciParties.party("Recovery Sender");
    static final IssuedCertificate RECIPIENT = OsciParties.party("Recovery Recipient");

    @Test
    void store_answerLostAfterStoring_recoveredThroughTheProcessCard_storedOnce() {
        OsciIntermediaryService service = new OsciIntermediaryService();
        try (Sandbox sandbox = Sandbox.builder().service(service).start();
             OsciClient sender = OsciParties.client(sandbox, service, SENDER)) {
            MessageId id = sender.getMessageId();
            FaultRule lost = sandbox.faults().add(FaultRule.on("POST", "/osci").times(1).dropAnswer());
            StoreReceipt receipt = sender.store(Delivery.builder().addressee(RECIPIENT.certificate()).subject("einmal")
                    .messageId(id)
                    .container(ContentContainer.builder().text("<einmal/>").signedBy(OsciParties.identity(SENDER).signer()).build())
                    .build());
            assertThat(lost.firedCount()).isEqualTo(1);
            assertThat(receipt.messageId()).isEqualTo(id);
            receipt.processCard().verify();
            assertThat(receipt.processCard().creationTime()).isPresent();

            try (OsciClient recipient = OsciParties.client(sandbox, service, RECIPIENT); OsciDialog d = recipient.openDialog()) {
                Optional<ReceivedDelivery> first = d.fetch(FetchSelection.next());
                assertThat(first).isPresent();
                try (ReceivedDelivery r = first.get()) {
                    assertThat(r.messageId()).isEqualTo(id);
                    assertThat(r.containers().get(0).contents().get(0).text()).isEqualTo("<einmal/>");
                }
                assertThat(d.fetch(FetchSelection.next())).as("stored once").isEmpty();
            }
        }
    }
}
