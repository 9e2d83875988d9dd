package de.ozgkit.sandbox.osci.peer;

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
import de.osci.osci12.messagetypes.ResponseToFetchDelivery;
import de.osci.osci12.messagetypes.ResponseToPartialFetchDelivery;
import de.osci.osci12.messagetypes.ResponseToPartialStoreDelivery;
import de.osci.osci12.messagetypes.StoreDelivery;
import de.osci.osci12.roles.Addressee;
import de.osci.osci12.roles.Author;
import de.osci.osci12.roles.Intermed;
import de.osci.osci12.roles.Originator;
import de.osci.osci12.roles.Reader;
import de.osci.osci12.samples.impl.HttpTransport;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.osci.LargeMessageRun;
import de.ozgkit.sandbox.osci.OsciIntermediaryService;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The run of {@link LargeMessageRun} with the OSCI library 2.4.1 as client on both ends, for the
 * side-by-side figures in docs/benchmarks.md (not part of the test suite): the library builds a
 * StoreDelivery with the generated attachment, signed and encrypted for the recipient
 * (AES-256-GCM), writes it to a file and stores it in chunks as its sample application does; the
 * recipient fetches it in chunks into a file, parses it, decrypts, checks all signatures and
 * compares the attachment byte by byte. Prints one line
 * {@code RESULT bytes=... peakHeapUsed=... maxHeap=... storeMs=... fetchMs=... readMs=...}.
 *
 * <p>Arguments: a work folder, the attachment size in bytes, the chunk size in KiB.
 */
public final class PeerLargeRun {

    static final String AES256GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";

    private PeerLargeRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        int chunkKib = Integer.parseInt(args[2]);
        PeerParty sender = PeerParty.create("Peer Large Sender");
        PeerParty recipient = PeerParty.create("Peer Large Recipient");
        OsciIntermediaryService service = new OsciIntermediaryService(dir.resolve("mailbox"));
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        try (Sandbox sandbox = Sandbox.builder().service(service).start()) {
            long t0 = System.nanoTime();
            DialogHandler dh = dialog(sandbox, service, sender);
            new InitDialog(dh).send();
            String id = new GetMessageId(dh).send().getMessageId();
            StoreDelivery sd = new StoreDelivery(dialog(sandbox, service, sender), new Addressee(null, recipient.certificate()), id);
            sd.setSubject("1 GiB");
            ContentContainer cc = new ContentContainer();
            cc.addContent(new Content("<gross/>"));
            cc.addContent(new Content(new Attachment(new LargeMessageRun.Generated(size, 42), "gross.bin", AES256GCM)));
            cc.sign(new Author(sender.signer(), null));
            EncryptedDataOSCI enc = new EncryptedDataOSCI(AES256GCM, cc);
            enc.encrypt(new Reader(recipient.certificate()));
            sd.addEncryptedData(enc);
            Path whole = dir.resolve("peer-store.mime");
            try (OutputStream o = Files.newOutputStream(whole)) {
                sd.writeMessage(o);
            }
            long length = Files.size(whole);
            int chunkBytes = chunkKib * 1024;
            int total = (int) ((length + chunkBytes - 1) / chunkBytes);
            byte[] chunk = new byte[chunkBytes];
            try (RandomAccessFile f = new RandomAccessFile(whole.toFile(), "r")) {
                ResponseToPartialStoreDelivery last = null;
                for (int i = 1; i <= total; i++) {
                    int n = (int) Math.min(chunkBytes, length - (long) (i - 1) * chunkBytes);
                    f.seek((long) (i - 1) * chunkBytes);
                    f.readFully(chunk, 0, n);
                    PartialStoreDelivery p = new PartialStoreDelivery(dh, new Addressee(null, recipient.certificate()),
                            new ChunkInformation(chunkKib, i, (int) (length / 1024), total), id);
                    p.setSubject("1 GiB");
                    p.setChunkBlob(new java.io.ByteArrayInputStream(chunk, 0, n));
                    last = p.send();
                    if (!last.getFeedback()[0][1].startsWith("0")) {
                        throw new IllegalStateException("chunk " + i + ": " + Arrays.deepToString(last.getFeedback()));
                    }
                }
                if (!last.getInsideFeedback()[0][1].startsWith("0")) {
                    throw new IllegalStateException("store: " + Arrays.deepToString(last.getInsideFeedback()));
                }
            }
            new ExitDialog(dh).send();
            Files.delete(whole);
            long t1 = System.nanoTime();

            DialogHandler fetch = dialog(sandbox, service, recipient);
            new InitDialog(fetch).send();
            Path fetched = dir.resolve("peer-fetch.mime");
            List<Integer> received = new ArrayList<>();
            try (OutputStream all = Files.newOutputStream(fetched)) {
                int count = 1;
                for (int i = 1; i <= count; i++) {
                    ChunkInformation info = new ChunkInformation(chunkKib, i);
                    info.setReceivedChunks(received);
                    PartialFetchDelivery pf = new PartialFetchDelivery(fetch, info);
                    pf.setSelectionMode(OSCIMessage.SELECT_BY_MESSAGE_ID);
                    pf.setSelectionRule(id);
                    ResponseToPartialFetchDelivery part = (ResponseToPartialFetchDelivery) pf.send();
                    count = part.getChunkInformation().getTotalChunkNumbers();
                    try (InputStream blob = part.getChunkBlob()) {
                        blob.transferTo(all);
                    }
                    received.add(i);
                }
            }
            new ExitDialog(fetch).send();
            long t2 = System.nanoTime();
            long read;
            try (InputStream in = Files.newInputStream(fetched)) {
                ResponseToFetchDelivery got = ResponseToFetchDelivery.parseResponseToFetchDelivery(in);
                ContentContainer secret = got.getEncryptedData()[0].decrypt(new Reader(recipient.decrypter()));
                if (!secret.checkAllSignatures()) {
                    throw new IllegalStateException("the library's signature check failed");
                }
                read = compare(secret.getContents()[1].getAttachment().getStream(), size);
            }
            Files.delete(fetched);
            long t3 = System.nanoTime();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("RESULT bytes=" + read + " peakHeapUsed=" + peak + " maxHeap=" + Runtime.getRuntime().maxMemory()
                    + " storeMs=" + (t1 - t0) / 1_000_000 + " fetchMs=" + (t2 - t1) / 1_000_000 + " readMs=" + (t3 - t2) / 1_000_000);
        }
    }

    static DialogHandler dialog(Sandbox sandbox, OsciIntermediaryService service, PeerParty who) throws Exception {
        DialogHandler dh = new DialogHandler(new Originator(who.signer(), who.decrypter()),
                new Intermed(service.intermediary().signatureCertificate(), service.intermediary().cipherCertificate(),
                        sandbox.baseUri(OsciIntermediaryService.NAME)), new HttpTransport());
        dh.setEncryption(true);
        return dh;
    }

    static long compare(InputStream in, long size) throws Exception {
        byte[] got = new byte[1 << 16];
        byte[] want = new byte[1 << 16];
        long total = 0;
        try (in; InputStream expected = new LargeMessageRun.Generated(size, 42)) {
            int n;
            while ((n = in.readNBytes(got, 0, got.length)) > 0) {
                if (expected.readNBytes(want, 0, n) != n || !Arrays.equals(got, 0, n, want, 0, n)) {
                    throw new IllegalStateException("the attachment differs from the source near byte " + total);
                }
                total += n;
            }
        }
        if (total != size) {
            throw new IllegalStateException("the attachment has " + total + " bytes, not " + size);
        }
        return total;
    }
}
