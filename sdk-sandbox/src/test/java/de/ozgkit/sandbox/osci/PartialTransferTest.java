package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.messaging.Attachment;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciDialog;
import de.ozgkit.messaging.ReceivedAttachment;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.messaging.TransferListener;
import de.ozgkit.sandbox.FaultRule;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PartialStoreDelivery and PartialFetchDelivery between ozgkit's client and the sandbox intermediary:
 * chunked both ways, byte-equal, and resumed at the next chunk not yet through after a connection
 * reset before the intermediary read a chunk and after it stored one whose answer was lost.
 */
class PartialTransferTest {

    static final IssuedCertificate SENDER = OsciParties.party("Partial Sender");
    static final IssuedCertificate RECIPIENT = OsciParties.party("Partial Recipient");
    static final byte[] DATA = new byte[600 * 1024 + 77];
    static OsciIntermediaryService service;
    static Sandbox sandbox;

    static {
        new Random(15).nextBytes(DATA);
    }

    @BeforeAll
    static void start() {
        service = new OsciIntermediaryService();
        sandbox = Sandbox.builder().service(service).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Records chunks and resumptions; runs a fault step when a chunk number is reached. */
    static final class Recorder implements TransferListener {
        final List<Integer> chunks = new CopyOnWriteArrayList<>();
        final List<List<Integer>> resumed = new CopyOnWriteArrayList<>();
        volatile int total;
        final int after;
        final Supplier<FaultRule> fault;

        Recorder(int after, Supplier<FaultRule> fault) {
            this.after = after;
            this.fault = fault;
        }

        @Override
        public void chunk(MessageId id, int number, int total) {
            chunks.add(number);
            this.total = total;
            if (number == after && fault != null) {
                sandbox.faults().add(fault.get());
            }
        }

        @Override
        public void resumed(MessageId id, List<Integer> done, RuntimeException cause) {
            resumed.add(done);
        }
    }

    static OsciClient client(IssuedCertificate who, Recorder r) {
        return OsciParties.builder(sandbox, service, who).chunkSize(64).transferListener(r).build();
    }

    static StoreReceipt store(Recorder r) {
        try (OsciClient c = client(SENDER, r)) {
            return c.store(Delivery.builder().addressee(RECIPIENT.certificate()).subject("Große Sendung \u1e9e")
                    .container(ContentContainer.builder().text("<antrag/>").attachment(Attachment.ofBytes("daten.bin", DATA))
                            .signedBy(OsciParties.identity(SENDER).signer()).encryptedFor(RECIPIENT.certificate()).build())
                    .build());
        }
    }

    static byte[] fetch(MessageId id, Recorder r) throws Exception {
        try (OsciClient c = client(RECIPIENT, r); OsciDialog d = c.openDialog();
             ReceivedDelivery got = d.fetch(FetchSelection.byMessageId(id)).orElseThrow()) {
            assertThat(got.containers()).singleElement().satisfies(k -> assertThat(k.signatures()).hasSize(1));
            assertThat(got.subject()).contains("Große Sendung \u1e9e");
            assertThat(got.processCard().orElseThrow().forwarding()).isNotNull();
            got.processCard().orElseThrow().verify();
            ReceivedAttachment a = got.containers().get(0).attachments().get(0);
            try (InputStream in = a.openStream()) {
                return in.readAllBytes();
            }
        }
    }

    @Test
    void storeAndFetchInChunks_byteEqual_everyChunkOnce() throws Exception {
        Recorder up = new Recorder(-1, null);
        StoreReceipt receipt = store(up);
        assertThat(up.total).isGreaterThan(5);
        assertThat(up.chunks).isEqualTo(range(1, up.total));
        assertThat(receipt.processCard().creation()).isNotNull();
        receipt.processCard().verify();

        Recorder down = new Recorder(-1, null);
        assertThat(fetch(receipt.messageId(), down)).isEqualTo(DATA);
        assertThat(down.total).isGreaterThan(5);
        assertThat(down.chunks).isEqualTo(range(1, down.total));
        assertThat(down.resumed).isEmpty();
    }

    @Test
    void store_resetBeforeAChunkArrives_resumesAtThatChunk() throws Exception {
        Recorder up = new Recorder(4, () -> FaultRule.on("POST", "/osci").times(1).reset());
        StoreReceipt receipt = store(up);
        assertThat(up.resumed).containsExactly(range(1, 4));
        assertThat(up.chunks).isEqualTo(range(1, up.total));
        assertThat(fetch(receipt.messageId(), new Recorder(-1, null))).isEqualTo(DATA);
    }

    @Test
    void store_answerLostAfterAChunkWasStored_resumesAfterIt() throws Exception {
        Recorder up = new Recorder(4, () -> FaultRule.on("POST", "/osci").times(1).dropAnswer());
        StoreReceipt receipt = store(up);
        // chunk 5 was stored but its answer lost: the intermediary says so, and it is not sent again
        assertThat(up.resumed).containsExactly(range(1, 5));
        List<Integer> expected = new java.util.ArrayList<>(range(1, up.total));
        expected.remove(Integer.valueOf(5));
        assertThat(up.chunks).isEqualTo(expected);
        assertThat(fetch(receipt.messageId(), new Recorder(-1, null))).isEqualTo(DATA);
    }

    @Test
    void fetch_resetInTheMiddle_resumesAtTheNextChunk() throws Exception {
        StoreReceipt receipt = store(new Recorder(-1, null));
        Recorder down = new Recorder(3, () -> FaultRule.on("POST", "/osci").times(1).reset());
        assertThat(fetch(receipt.messageId(), down)).isEqualTo(DATA);
        assertThat(down.resumed).containsExactly(range(1, 3));
        assertThat(down.chunks).isEqualTo(range(1, down.total));
    }

    static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }
}
