package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.Decrypter;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.OsciFeedbackException;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.w3c.dom.Element;

/**
 * The client side of the chunked transfers of the OSCI supplement on efficient message transfer,
 * as the OSCI library implements them.
 *
 * <p>Storing: the complete StoreDelivery (as it would be sent whole, signed by the originator) is cut
 * into chunks; each goes as a PartialStoreDelivery in an explicit dialog and is acknowledged with
 * the list of chunks the intermediary holds; the answer to the last carries the feedback of the
 * reassembled StoreDelivery ({@code InsideFeedback}) and its process card. After a failure the
 * transfer continues in a new dialog: a PartialStoreDelivery with {@code InfoOnly} asks which
 * chunks arrived, and only the others are sent.
 *
 * <p>Fetching: PartialFetchDelivery asks for the chunks of the intermediary's answer to FetchDelivery
 * one by one (a small answer comes whole); the chunks are appended to a spool, then the whole answer
 * is parsed and checked like any answer to FetchDelivery, its intermediary signature included. After
 * a failure the next chunk is asked for in a new dialog.
 */
final class PartialTransfer {

    /** How often a transfer continues after failures before it gives up. */
    static final int MAX_RESUMPTIONS = 20;

    private PartialTransfer() {
    }

    static StoreReceipt store(DefaultOsciClient client, MessageId id, Delivery delivery, Spool message) {
        long chunk = client.chunkBytes;
        int total = Chunks.count(message.size(), chunk);
        TreeSet<Integer> done = new TreeSet<>();
        StoreReceipt receipt = null;
        int failures = 0;
        RuntimeException last = null;
        while (true) {
            DefaultOsciClient.Dialog d = null;
            try {
                d = client.openInternal();
                if (last != null) {
                    done.addAll(send(client, d, id, delivery, message, total, -1).info().received());
                    client.listener.resumed(id, List.copyOf(done), last);
                }
                for (int n = 1; n <= total && receipt == null; n++) {
                    if (done.contains(n)) {
                        continue;
                    }
                    Sent s = send(client, d, id, delivery, message, total, n);
                    done.addAll(s.info().received());
                    done.add(n);
                    client.listener.chunk(id, n, total);
                    receipt = s.receipt();
                }
                if (receipt == null) {
                    // every chunk was through before, the answer to the last one was lost
                    receipt = d.processCards(id).stream().findFirst().map(c -> new StoreReceipt(id, c, List.of()))
                            .orElseThrow(() -> new OsciException(OsciCheck.STATE, "the intermediary holds every chunk of "
                                    + id + " but has no process card for it"));
                }
                close(d);
                return receipt;
            } catch (RuntimeException e) {
                if (d != null) {
                    d.abandon();
                }
                if (!DefaultOsciClient.recoverable(e, false) || ++failures > MAX_RESUMPTIONS) {
                    throw e;
                }
                last = e;
                client.pause(Math.min(failures, 4));
            }
        }
    }

    private record Sent(Chunks.Info info, StoreReceipt receipt) {
    }

    /** Sends chunk {@code n}, or asks which chunks arrived when {@code n} is -1 (InfoOnly). */
    private static Sent send(DefaultOsciClient client, DefaultOsciClient.Dialog d, MessageId id, Delivery delivery,
                             Spool message, int total, int n) {
        long chunk = client.chunkBytes;
        StringBuilder order = new StringBuilder("<osci2017:partialStoreDelivery").append(OsciXml.NS_DECLS_2017)
                .append(" Id=\"partialstoredelivery\" soap:actor=\"").append(OsciXml.ACTOR_NEXT).append("\" soap:mustUnderstand=\"1\">")
                .append("<osci:MessageId>").append(Headers.encodeMessageId(Chunks.partialId(id.value()))).append("</osci:MessageId>");
        if (delivery.subject() != null) {
            OsciXml.text(order.append("<osci:Subject>"), delivery.subject()).append("</osci:Subject>");
        }
        if (n < 0) {
            order.append("<osci2017:InfoOnly></osci2017:InfoOnly>");
        } else {
            order.append(new Chunks.Info(n, chunk / 1024, total, message.size() / 1024, List.of()).toXml());
        }
        order.append("</osci2017:partialStoreDelivery>");
        try (IncomingMessage answer = d.send("soapPartialStoreDelivery.xsd", "soapResponseToPartialStoreDelivery.xsd", req -> {
            req.header(Headers.qualityOfTimestamp("creation")).header(order.toString())
                    .header(client.addresseeCertificates(delivery.addressee())).header(Chunks.featureDescription());
            if (n < 0) {
                req.body(Headers.body("<osci:ContentPackage></osci:ContentPackage>"));
            } else {
                long from = (n - 1L) * chunk;
                req.body(Chunks.chunkBody()).attachment(new OutgoingMessage.Attachment(Chunks.BLOB, "application/octet-stream",
                        message.slice(from, Math.min(chunk, message.size() - from))));
            }
        })) {
            Element rsp = answer.header(OsciXml.OSCI2017, "responseToPartialStoreDelivery").orElseThrow(() ->
                    new OsciException(OsciCheck.STRUCTURE, "the answer has no responseToPartialStoreDelivery header"));
            DefaultOsciClient.feedback(rsp);
            Chunks.Info info = Chunks.Info.parse(Dom.one(rsp, OsciXml.OSCI2017, "ChunkInformation"));
            Optional<Element> inside = Dom.optional(rsp, OsciXml.OSCI2017, "InsideFeedback");
            if (inside.isEmpty()) {
                return new Sent(info, null);
            }
            // the last chunk: the reassembled StoreDelivery was executed
            DefaultOsciClient.feedbackOf(inside.get(), "the reassembled StoreDelivery");
            return new Sent(info, client.receipt(answer, rsp, id));
        }
    }

    static Optional<ReceivedDelivery> fetch(DefaultOsciClient client, DefaultOsciClient.Dialog dialog, FetchSelection selection,
                                            Decrypter... readers) {
        long chunkKib = client.chunkBytes / 1024;
        DefaultOsciClient.Dialog d = dialog;
        boolean own = false;
        MessageId id = selection.messageId();
        List<Integer> received = new ArrayList<>();
        int total = -1;
        int failures = 0;
        Spool assembly = null;
        OutputStream out = null;
        try {
            while (total < 0 || received.size() < total) {
                int next = received.size() + 1;
                try {
                    if (d == null) {
                        d = client.openInternal();
                        own = true;
                    }
                    FetchSelection s = id != null ? FetchSelection.byMessageId(id) : selection;
                    String order = "<osci2017:partialFetchDelivery" + OsciXml.NS_DECLS_2017 + " Id=\"partialfetchdelivery\""
                            + " soap:actor=\"" + OsciXml.ACTOR_NEXT + "\" soap:mustUnderstand=\"1\">"
                            + DefaultOsciClient.selectionRule(s)
                            + new Chunks.Info(next, chunkKib, -1, -1, received.isEmpty() ? List.of(-1) : received).toXml()
                            + "</osci2017:partialFetchDelivery>";
                    IncomingMessage answer = d.send("soapPartialFetchDelivery.xsd",
                            "soapResponseToPartialFetchDelivery.xsd|soapResponseToFetchDelivery.xsd", req -> req.header(order)
                                    .header(client.originatorCertificates(false)).header(Chunks.featureDescription())
                                    .body(Headers.body("")));
                    if (answer.header(OsciXml.OSCI, "responseToFetchDelivery").isPresent()) {
                        // small enough to come whole
                        if (own) {
                            close(d);
                        }
                        return client.received(answer, readers);
                    }
                    try (answer) {
                        Element rsp = answer.header(OsciXml.OSCI2017, "responseToPartialFetchDelivery").orElseThrow(() ->
                                new OsciException(OsciCheck.STRUCTURE, "the answer has no responseToPartialFetchDelivery header"));
                        try {
                            DefaultOsciClient.feedback(rsp);
                        } catch (OsciFeedbackException e) {
                            if ("9803".equals(e.code()) && received.isEmpty()) {
                                if (own) {
                                    close(d);
                                }
                                return Optional.empty();
                            }
                            throw e;
                        }
                        Chunks.Info info = Chunks.Info.parse(Dom.one(rsp, OsciXml.OSCI2017, "ChunkInformation"));
                        MessageId named = new MessageId(Headers.decodeMessageId(Dom.text(Dom.one(rsp, OsciXml.OSCI, "MessageId"))));
                        if (id != null && !id.equals(named)) {
                            throw new OsciException(OsciCheck.STRUCTURE, "the intermediary sent a chunk of " + named + ", not of " + id);
                        }
                        if (info.chunkNumber() != next || info.totalChunks() < 1 || total >= 0 && info.totalChunks() != total) {
                            throw new OsciException(OsciCheck.STRUCTURE, "the intermediary sent chunk " + info.chunkNumber() + " of "
                                    + info.totalChunks() + ", asked was " + next + (total < 0 ? "" : " of " + total));
                        }
                        if (info.totalKib() > client.largeLimits.maxMessageBytes() / 1024) {
                            throw new OsciException(OsciCheck.SIZE, "the delivery has " + info.totalKib() + " KiB; the limit is "
                                    + client.largeLimits.maxMessageBytes() / 1024 + " KiB");
                        }
                        id = named;
                        total = info.totalChunks();
                        if (assembly == null) {
                            assembly = new Spool();
                            out = assembly.output();
                        }
                        try (InputStream in = answer.openAttachment(Chunks.BLOB)) {
                            if (in == null) {
                                throw new OsciException(OsciCheck.STRUCTURE, "the chunk answer carries no " + Chunks.BLOB);
                            }
                            in.transferTo(out);
                        } catch (IOException e) {
                            throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
                        }
                        received.add(next);
                        client.listener.chunk(id, next, total);
                    }
                } catch (RuntimeException e) {
                    if (d != null) {
                        d.abandon();
                        d = null;
                    }
                    if (!DefaultOsciClient.recoverable(e, false) || ++failures > MAX_RESUMPTIONS) {
                        throw e;
                    }
                    client.listener.resumed(id, List.copyOf(received), e);
                    client.pause(Math.min(failures, 4));
                }
            }
            if (own) {
                close(d);
            }
            out.close();
            out = null;
            IncomingMessage whole = IncomingMessage.parseOwned(assembly, null, null, client.largeLimits);
            assembly = null;
            return client.received(client.checked(whole, "soapResponseToFetchDelivery.xsd", null, null, null), readers);
        } catch (IOException e) {
            throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
        } finally {
            if (assembly != null) {
                if (out != null) {
                    try {
                        out.close();
                    } catch (IOException ignored) {
                        // the spool is discarded
                    }
                }
                assembly.close();
            }
        }
    }

    private static void close(DefaultOsciClient.Dialog d) {
        try {
            d.close();
        } catch (RuntimeException e) {
            // the transfer is through; a lost answer to ExitDialog changes nothing
            d.abandon();
        }
    }
}
