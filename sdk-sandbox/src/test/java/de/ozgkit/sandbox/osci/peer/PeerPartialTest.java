package de.ozgkit.sandbox.osci.peer;

import static org.assertj.core.api.Assertions.assertThat;

import de.osci.osci12.common.DialogHandler;
import de.osci.osci12.messageparts.Attachment;
import de.osci.osci12.messageparts.ChunkInformation;
import de.osci.osci12.messageparts.Content;
import de.osci.osci12.messageparts.ContentContainer;
import de.osci.osci12.messageparts.EncryptedDataOSCI;
import de.osci.osci12.messagetypes.ExitDialog;
import de.osci.osci12.messagetypes.GetMessageId;
import de.osci.osci12.messagetypes.InitDialog;
import de.osci.osci12.messagetypes.OSCIMessage;
import de.osci.osci12.messagetypes.PartialFetchDelivery;
import de.osci.osci12.messagetypes.PartialStoreDelivery;
import de.osci.osci12.messagetypes.ResponseToFetchAbstract;
import de.osci.osci12.messagetypes.ResponseToFetchDelivery;
import de.osci.osci12.messagetypes.ResponseToPartialFetchDelivery;
import de.osci.osci12.messagetypes.ResponseToPartialStoreDelivery;
import de.osci.osci12.messagetypes.StoreDelivery;
import de.osci.osci12.roles.Addressee;
import de.osci.osci12.roles.Author;
import de.ozgkit.core.security.Identity;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * PartialStoreDelivery and PartialFetchDelivery with the OSCI library on the other end: the library
 * stores a delivery in chunks as its sample application does and ozgkit fetches it in chunks;
 * ozgkit stores in chunks and the library fetches in chunks and parses the reassembled answer.
 */
class PeerPartialTest {

    static final PeerParty PEER = PeerInteropTest.PEER;
    static final PeerParty OZGKIT = PeerInteropTest.OZGKIT;
    static final String TEXT = PeerInteropTest.TEXT;
    static de.ozgkit.sandbox.Sandbox sandbox;
    static de.ozgkit.sandbox.osci.OsciIntermediaryService service;

    @org.junit.jupiter.api.BeforeAll
    static void start() {
        PeerInteropTest.start();
        sandbox = PeerInteropTest.sandbox;
        service = PeerInteropTest.service;
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        PeerInteropTest.stop();
    }

    static DialogHandler peerDialog(PeerParty who) throws Exception {
        return PeerInteropTest.peerDialog(who);
    }


    static final byte[] LARGE = new byte[300 * 1024 + 5];

    static {
        new Random(11).nextBytes(LARGE);
    }

    static OsciClient chunkingClient() {
        return OsciClient.builder()
                .config(de.ozgkit.core.OzgClientConfig.builder().baseUri(sandbox.baseUri(de.ozgkit.sandbox.osci.OsciIntermediaryService.NAME)).build())
                .originator(de.ozgkit.messaging.OsciIdentity.of(Identity.of(OZGKIT.cert.privateKey(), OZGKIT.cert.chain())))
                .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate())
                .chunkSize(32).build();
    }

    @Test
    void peerStoresInChunks_ozgkitFetchesInChunks() throws Exception {
        DialogHandler dh = peerDialog(PEER);
        new InitDialog(dh).send();
        String id = new GetMessageId(dh).send().getMessageId();
        StoreDelivery sd = new StoreDelivery(peerDialog(PEER), new Addressee(null, OZGKIT.certificate()), id);
        sd.setSubject("in Teilen vom Peer");
        ContentContainer cc = new ContentContainer();
        cc.addContent(new Content(TEXT));
        cc.addContent(new Content(new Attachment(new ByteArrayInputStream(LARGE), "gross.bin",
                "http://www.w3.org/2009/xmlenc11#aes256-gcm")));
        cc.sign(new Author(PEER.signer(), null));
        EncryptedDataOSCI enc = new EncryptedDataOSCI("http://www.w3.org/2009/xmlenc11#aes256-gcm", cc);
        enc.encrypt(new de.osci.osci12.roles.Reader(OZGKIT.certificate()));
        sd.addEncryptedData(enc);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        sd.writeMessage(whole);
        byte[] message = whole.toByteArray();
        int chunkKib = 64;
        int total = (message.length + chunkKib * 1024 - 1) / (chunkKib * 1024);
        ResponseToPartialStoreDelivery last = null;
        for (int i = 1; i <= total; i++) {
            ChunkInformation info = new ChunkInformation(chunkKib, i, message.length / 1024, total);
            PartialStoreDelivery p = new PartialStoreDelivery(dh, new Addressee(null, OZGKIT.certificate()), info, id);
            p.setSubject("in Teilen vom Peer");
            p.setChunkBlob(new ByteArrayInputStream(Arrays.copyOfRange(message, (i - 1) * chunkKib * 1024,
                    Math.min(message.length, i * chunkKib * 1024))));
            last = p.send();
            assertThat(last.getFeedback()[0][1]).isEqualTo("0801");
            assertThat(last.getChunkInformation().getReceivedChunks()).contains(i);
        }
        assertThat(last.getInsideFeedback()[0][1]).startsWith("0");
        assertThat(last.getProcessCardBundle().getMessageId()).isEqualTo(id);
        new ExitDialog(dh).send();

        try (OsciClient client = chunkingClient();
             ReceivedDelivery d = client.fetch(FetchSelection.byMessageId(new MessageId(id))).orElseThrow()) {
            assertThat(d.subject()).contains("in Teilen vom Peer");
            ReceivedContainer secret = d.containers().get(0);
            assertThat(secret.signatures()).extracting(s -> s.author()).containsExactly(PEER.certificate());
            assertThat(secret.contents().get(0).text()).isEqualTo(TEXT);
            try (InputStream in = secret.attachment("gross.bin").orElseThrow().openStream()) {
                assertThat(in.readAllBytes()).isEqualTo(LARGE);
            }
        }
    }

    @Test
    void ozgkitStoresInChunks_peerFetchesInChunks() throws Exception {
        StoreReceipt receipt;
        try (OsciClient client = chunkingClient()) {
            receipt = client.store(Delivery.builder().addressee(PEER.certificate()).subject("in Teilen von ozgkit")
                    .container(de.ozgkit.messaging.ContentContainer.builder().text(TEXT)
                            .attachment(de.ozgkit.messaging.Attachment.ofBytes("gross.bin", LARGE))
                            .signedBy(de.ozgkit.messaging.Signer.of(Identity.of(OZGKIT.cert.privateKey(), OZGKIT.cert.chain())))
                            .encryptedFor(PEER.certificate()).build())
                    .build());
        }
        DialogHandler dh = peerDialog(PEER);
        new InitDialog(dh).send();
        ChunkInformation info = new ChunkInformation(48, 1);
        PartialFetchDelivery pf = new PartialFetchDelivery(dh, info);
        pf.setSelectionMode(OSCIMessage.SELECT_BY_MESSAGE_ID);
        pf.setSelectionRule(receipt.messageId().value());
        ResponseToFetchAbstract first = pf.send();
        assertThat(first).isInstanceOf(ResponseToPartialFetchDelivery.class);
        ResponseToPartialFetchDelivery part = (ResponseToPartialFetchDelivery) first;
        assertThat(part.getFeedback()[0][1]).isEqualTo("0801");
        int total = part.getChunkInformation().getTotalChunkNumbers();
        assertThat(total).isGreaterThan(3);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        part.getChunkBlob().transferTo(all);
        List<Integer> received = new ArrayList<>(List.of(1));
        for (int i = 2; i <= total; i++) {
            info.setChunkNumber(i);
            info.setReceivedChunks(received);
            pf = new PartialFetchDelivery(dh, info);
            pf.setSelectionMode(OSCIMessage.SELECT_BY_MESSAGE_ID);
            pf.setSelectionRule(receipt.messageId().value());
            ResponseToPartialFetchDelivery next = (ResponseToPartialFetchDelivery) pf.send();
            assertThat(next.getChunkInformation().getChunkNumber()).isEqualTo(i);
            next.getChunkBlob().transferTo(all);
            received.add(i);
        }
        new ExitDialog(dh).send();
        ResponseToFetchDelivery got = ResponseToFetchDelivery.parseResponseToFetchDelivery(new ByteArrayInputStream(all.toByteArray()));
        assertThat(got.getSubject()).isEqualTo("in Teilen von ozgkit");
        ContentContainer secret = got.getEncryptedData()[0].decrypt(new de.osci.osci12.roles.Reader(PEER.decrypter()));
        assertThat(secret.checkAllSignatures()).isTrue();
        assertThat(secret.getContents()[1].getAttachment().getStream().readAllBytes()).isEqualTo(LARGE);
    }
}
