package de.ozgkit.sandbox.osci;

import de.ozgkit.messaging.FeedbackCode;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.internal.Certs;
import de.ozgkit.messaging.internal.Chunks;
import de.ozgkit.messaging.internal.ControlBlock;
import de.ozgkit.messaging.internal.Dom;
import de.ozgkit.messaging.internal.Headers;
import de.ozgkit.messaging.internal.IncomingMessage;
import de.ozgkit.messaging.internal.OsciXml;
import de.ozgkit.messaging.internal.OutgoingMessage;
import de.ozgkit.messaging.internal.Spool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Element;

/**
 * The intermediary's side of PartialStoreDelivery and PartialFetchDelivery (the OSCI supplement on
 * efficient message transfer): chunks of a StoreDelivery are kept in the mailbox folder as they
 * arrive, each written atomically, and the message is reassembled and executed when the last one is
 * there; the answer to FetchDelivery is written once per client and delivery, signed, and handed out
 * in the chunks the client asks for (any number, in any order, also again after a broken
 * connection). Both survive a restart.
 *
 * <pre>
 * partial-in/&lt;originator&gt;-&lt;message&gt;/meta.properties, &lt;n&gt;.chunk
 * partial-out/&lt;client&gt;-&lt;message&gt;/message.mime, card.xml
 * </pre>
 */
final class PartialDeliveries {

    /** The largest message accepted in chunks. */
    static final long MAX_MESSAGE_BYTES = 8L << 30;

    private final OsciIntermediary im;
    private final Path in;
    private final Path out;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    PartialDeliveries(OsciIntermediary im, Path root) {
        this.im = im;
        this.in = root.resolve("partial-in");
        this.out = root.resolve("partial-out");
        try {
            Files.createDirectories(in);
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ PartialStoreDelivery

    OutgoingMessage store(OsciIntermediary.Request r) throws Conversations.Refused {
        ControlBlock cb = im.answerControlBlock(r, false);
        Element order = r.msg().header(OsciXml.OSCI2017, "partialStoreDelivery").orElseThrow();
        String id = Chunks.wholeId(Headers.decodeMessageId(Dom.text(Dom.one(order, OsciXml.OSCI, "MessageId"))));
        String name = Mailbox.key(Certs.der(r.clientSignature())) + "-" + Mailbox.key(id);
        Path dir = in.resolve(name);
        boolean explicit = r.cb().conversationId() != null;
        String feedback = Headers.feedback(OsciIntermediary.ok(explicit ? FeedbackCode.OK_DIALOG_OPEN : FeedbackCode.OK_DIALOG_CLOSED));
        synchronized (locks.computeIfAbsent(name, k -> new Object())) {
            if (Dom.optional(order, OsciXml.OSCI2017, "InfoOnly").isPresent()) {
                Properties meta = Files.exists(dir.resolve("meta.properties")) ? read(dir) : null;
                List<Integer> got = received(dir);
                int total = meta == null ? 0 : Integer.parseInt(meta.getProperty("total"));
                return answer(cb, "", feedback, "", new Chunks.Info(0, -1, total, -1, got.isEmpty() ? List.of(-1) : got));
            }
            Chunks.Info info = Chunks.Info.parse(Dom.one(order, OsciXml.OSCI2017, "ChunkInformation"));
            long chunkBytes = info.chunkSizeKib() * 1024;
            int n = info.chunkNumber();
            if (info.totalChunks() < 1 || n < 1 || n > info.totalChunks() || info.chunkSizeKib() < 1
                    || chunkBytes > im.limits().maxMessageBytes() || (long) info.totalChunks() * chunkBytes > MAX_MESSAGE_BYTES + chunkBytes) {
                throw new OsciException(OsciCheck.STRUCTURE, "the ChunkInformation (chunk " + n + " of " + info.totalChunks()
                        + ", " + info.chunkSizeKib() + " KiB) is out of range; at most " + MAX_MESSAGE_BYTES + " bytes in chunks of at most "
                        + im.limits().maxMessageBytes() + " bytes");
            }
            Properties meta = meta(dir, info);
            Path chunk = im.mailbox().tempFile();
            long size;
            try (InputStream blob = r.msg().openAttachment(Chunks.BLOB)) {
                if (blob == null) {
                    throw new OsciException(OsciCheck.STRUCTURE, "the PartialStoreDelivery carries no attachment " + Chunks.BLOB);
                }
                size = Files.copy(blob, chunk, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (size > chunkBytes || size == 0 || n < info.totalChunks() && size != chunkBytes) {
                delete(chunk);
                throw new OsciException(OsciCheck.STRUCTURE, "chunk " + n + " has " + size + " bytes; chunks have " + chunkBytes
                        + " bytes, the last one at most that");
            }
            Mailbox.move(chunk, dir.resolve(n + ".chunk"));
            List<Integer> got = received(dir);
            Chunks.Info ack = new Chunks.Info(n, -1, info.totalChunks(), -1, got);
            if (got.size() < info.totalChunks()) {
                return answer(cb, "", feedback, "", ack);
            }
            OsciIntermediary.Stored st = reassemble(dir, meta, id, r.clientSignature());
            deleteTree(dir);
            String inside = Headers.feedback(st.feedback()).replace("<osci:Feedback>", "<osci2017:InsideFeedback>")
                    .replace("</osci:Feedback>", "</osci2017:InsideFeedback>");
            return answer(cb, inside, feedback, st.card() == null ? "" : OsciIntermediary.storeCardXml(st.card()), ack);
        }
    }

    private OutgoingMessage answer(ControlBlock cb, String inside, String feedback, String card, Chunks.Info info) {
        String h = "<osci2017:responseToPartialStoreDelivery" + OsciXml.NS_DECLS_2017 + " Id=\"responsetopartialstoredelivery\""
                + " soap:actor=\"" + OsciXml.ACTOR_NEXT + "\" soap:mustUnderstand=\"1\">" + inside + feedback + card + info.toXml()
                + "</osci2017:responseToPartialStoreDelivery>";
        return im.answer("soapResponseToPartialStoreDelivery.xsd", cb).header(h)
                .afterIntermediaryCertificates(Chunks.featureDescription()).body(Headers.body(""));
    }

    /** The meta data of an upload, written with its first chunk; later chunks must agree with it. */
    private Properties meta(Path dir, Chunks.Info info) {
        Path file = dir.resolve("meta.properties");
        if (Files.exists(file)) {
            Properties meta = read(dir);
            if (!meta.getProperty("total").equals(Integer.toString(info.totalChunks()))
                    || !meta.getProperty("chunkKib").equals(Long.toString(info.chunkSizeKib()))) {
                throw new OsciException(OsciCheck.STRUCTURE, "the chunk does not belong to the message begun with "
                        + meta.getProperty("total") + " chunks of " + meta.getProperty("chunkKib") + " KiB");
            }
            return meta;
        }
        Properties meta = new Properties();
        meta.setProperty("total", Integer.toString(info.totalChunks()));
        meta.setProperty("chunkKib", Long.toString(info.chunkSizeKib()));
        meta.setProperty("totalKib", Long.toString(Math.max(0, info.totalKib())));
        try {
            Files.createDirectories(dir);
            Path tmp = im.mailbox().tempFile();
            try (OutputStream o = Files.newOutputStream(tmp)) {
                meta.store(o, null);
            }
            Mailbox.move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meta;
    }

    /**
     * Joins the chunks into the StoreDelivery and executes it. The message may be unsigned (the OSCI
     * library sends it so: every chunk is signed); then the certificate it names as the
     * originator's must be the one that signed the chunks.
     */
    private OsciIntermediary.Stored reassemble(Path dir, Properties meta, String id, X509Certificate chunkSigner) {
        int total = Integer.parseInt(meta.getProperty("total"));
        Path whole = im.mailbox().tempFile();
        try (OutputStream o = Files.newOutputStream(whole)) {
            for (int i = 1; i <= total; i++) {
                Files.copy(dir.resolve(i + ".chunk"), o);
            }
        } catch (IOException e) {
            delete(whole);
            throw new UncheckedIOException(e);
        }
        Spool spool = Spool.ofFile(whole);
        IncomingMessage.Limits limits = new IncomingMessage.Limits(MAX_MESSAGE_BYTES, im.limits().maxSoapBytes(),
                im.limits().maxParts(), im.limits().maxDepth());
        try (IncomingMessage msg = IncomingMessage.parseOwned(spool, null, null, limits)) {
            if (!msg.schemaLocation().contains(" soapStoreDelivery.xsd ") || msg.header("storeDelivery").isEmpty()) {
                return new OsciIntermediary.Stored(OsciIntermediary.error(FeedbackCode.INVALID_REQUEST), null);
            }
            String inner = Dom.optional(msg.requireHeader("storeDelivery"), OsciXml.OSCI, "MessageId")
                    .map(e -> Headers.decodeMessageId(Dom.text(e))).orElse("");
            if (!inner.equals(id)) {
                return new OsciIntermediary.Stored(OsciIntermediary.error(FeedbackCode.MESSAGE_ID_INVALID), null);
            }
            if (msg.header("ClientSignature").isPresent()) {
                if (!msg.verifySignature("ClientSignature", null).equals(chunkSigner)) {
                    return new OsciIntermediary.Stored(OsciIntermediary.error(FeedbackCode.REQUEST_SIGNATURE_INVALID), null);
                }
            } else if (msg.nonIntermediaryCertificates("SignatureCertificateOriginator").stream().map(IncomingMessage::certificateOf)
                    .noneMatch(chunkSigner::equals)) {
                return new OsciIntermediary.Stored(OsciIntermediary.error(FeedbackCode.REQUEST_NOT_SIGNED), null);
            }
            return im.storeMessage(msg, chunkSigner, false);
        } catch (OsciException e) {
            return new OsciIntermediary.Stored(OsciIntermediary.error(e.check() == OsciCheck.MESSAGE_SIGNATURE
                    || e.check() == OsciCheck.SIGNED_PARTS ? FeedbackCode.REQUEST_SIGNATURE_INVALID : FeedbackCode.INVALID_REQUEST), null);
        }
    }

    private static List<Integer> received(Path dir) {
        TreeSet<Integer> got = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (var list = Files.list(dir)) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    String f = p.getFileName().toString();
                    if (f.endsWith(".chunk")) {
                        got.add(Integer.parseInt(f.substring(0, f.length() - 6)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ArrayList<>(got);
    }

    // ------------------------------------------------------------------ PartialFetchDelivery

    OutgoingMessage fetch(OsciIntermediary.Request r) throws Conversations.Refused {
        ControlBlock cb = im.answerControlBlock(r, true);
        Element order = r.msg().header(OsciXml.OSCI2017, "partialFetchDelivery").orElseThrow();
        Chunks.Info info = Chunks.Info.parse(Dom.one(order, OsciXml.OSCI2017, "ChunkInformation"));
        if (info.chunkSizeKib() < 1 || info.chunkNumber() < 1) {
            throw new OsciException(OsciCheck.STRUCTURE, "a PartialFetchDelivery needs a ChunkSize and a ChunkNumber from 1");
        }
        OsciIntermediary.Selection sel = im.select(order, r.clientCipher());
        if (sel.found() == null) {
            return im.fetchAnswer(cb, sel, r.resources()).answer();
        }
        String name = Mailbox.key(Certs.der(r.clientCipher())) + "-" + Mailbox.key(sel.found().messageId());
        Path dir = out.resolve(name);
        synchronized (locks.computeIfAbsent(name, k -> new Object())) {
            Path message = dir.resolve("message.mime");
            if (!Files.exists(message)) {
                // the answer is written once, so that every chunk the client asks for, in this dialog
                // or the next, belongs to the same signed message
                OsciIntermediary.Fetched f = im.fetchAnswer(new ControlBlock(cb.conversationId(), cb.sequenceNumber(), cb.response(),
                        ControlBlock.newChallenge()), sel, r.resources());
                Path tmp = im.mailbox().tempFile();
                try (OutputStream o = Files.newOutputStream(tmp)) {
                    im.signed(f.answer(), o);
                } catch (IOException e) {
                    delete(tmp);
                    throw new UncheckedIOException(e);
                }
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                im.mailbox().writeCard(dir.resolve("card.xml"), f.card());
                Mailbox.move(tmp, message);
            }
            long chunkBytes = info.chunkSizeKib() * 1024;
            Spool whole = Spool.view(message);
            if (whole.size() <= chunkBytes) {
                // small enough: the whole answer, as to FetchDelivery
                OsciIntermediary.Fetched f = im.fetchAnswer(cb, sel, r.resources());
                im.mailbox().markFetched(sel.found(), f.card());
                deleteTree(dir);
                return f.answer();
            }
            int total = Chunks.count(whole.size(), chunkBytes);
            int n = info.chunkNumber();
            if (n > total) {
                throw new OsciException(OsciCheck.STRUCTURE, "chunk " + n + " was asked for; the delivery has " + total);
            }
            if (n == total) {
                im.mailbox().markFetched(sel.found(), Mailbox.readCard(dir.resolve("card.xml")));
            }
            List<de.ozgkit.messaging.Feedback> fb = new ArrayList<>(OsciIntermediary.ok(FeedbackCode.OK_DIALOG_OPEN));
            String h = "<osci2017:responseToPartialFetchDelivery" + OsciXml.NS_DECLS_2017 + " Id=\"responsetopartialfetchdelivery\""
                    + " soap:actor=\"" + OsciXml.ACTOR_NEXT + "\" soap:mustUnderstand=\"1\">" + Headers.feedback(fb) + sel.echo()
                    + new Chunks.Info(n, -1, total, whole.size() / 1024, List.of()).toXml()
                    + "<osci:MessageId>" + Headers.encodeMessageId(sel.found().messageId()) + "</osci:MessageId>"
                    + "</osci2017:responseToPartialFetchDelivery>";
            long from = (n - 1L) * chunkBytes;
            return im.answer("soapResponseToPartialFetchDelivery.xsd", cb).header(h)
                    .afterIntermediaryCertificates(Chunks.featureDescription()).body(Chunks.chunkBody())
                    .attachment(new OutgoingMessage.Attachment(Chunks.BLOB, "application/octet-stream",
                            whole.slice(from, Math.min(chunkBytes, whole.size() - from))));
        }
    }

    // ------------------------------------------------------------------ files

    private static Properties read(Path dir) {
        Properties meta = new Properties();
        try (InputStream i = Files.newInputStream(dir.resolve("meta.properties"))) {
            meta.load(i);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meta;
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover in the mailbox's tmp folder is removed at the next start
        }
    }

    private static void deleteTree(Path dir) {
        try {
            Mailbox.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
