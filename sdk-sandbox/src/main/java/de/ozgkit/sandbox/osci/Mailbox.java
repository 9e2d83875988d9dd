package de.ozgkit.sandbox.osci;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.internal.Dom;
import de.ozgkit.messaging.internal.OsciXml;
import de.ozgkit.messaging.internal.ProcessCardXml;
import de.ozgkit.messaging.internal.Spool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The intermediary's storage in a folder that survives a restart: issued message ids and the
 * deliveries per addressee. Every write goes to a temporary name first and is then moved into place
 * atomically, so that a crash never leaves half a delivery visible; leftovers of interrupted
 * writes are removed on start.
 *
 * <pre>
 * issued/&lt;key&gt;                 an issued, unused message id
 * used/&lt;key&gt;                   a message id that a delivery consumed
 * deliveries/&lt;addressee&gt;/&lt;key&gt;/ message.mime (the delivery as the originator signed it),
 *                                card.xml (the process card), meta.properties
 * index/&lt;key&gt;                  the addressee folder of a message id
 * </pre>
 *
 * <p>Thread-safe.
 */
public final class Mailbox {

    /** A stored delivery. */
    public record Delivery(String messageId, String addressee, String originator, Path folder, ProcessCard card,
                           boolean fetched) {
        /** @return the stored message */
        public Path message() {
            return folder.resolve("message.mime");
        }
    }

    private final Path root;

    /**
     * @param root the folder; created when missing
     */
    public Mailbox(Path root) {
        this.root = root;
        try {
            for (String d : List.of("issued", "used", "deliveries", "index")) {
                Files.createDirectories(root.resolve(d));
            }
            Path tmp = Files.createDirectories(root.resolve("tmp"));
            try (var leftovers = Files.list(tmp)) {
                for (Path p : (Iterable<Path>) leftovers::iterator) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the OSCI mailbox folder " + root + " cannot be prepared", e);
        }
    }

    /** @return the folder */
    public Path root() {
        return root;
    }

    /** @return a new message id, remembered as issued */
    public String issueMessageId() {
        String id = UUID.randomUUID().toString();
        writeAtomically(root.resolve("issued").resolve(key(id)), id.getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /**
     * Marks an issued message id as used.
     *
     * @param id the message id
     * @return {@code false} when it was never issued or is used already
     */
    public boolean consumeMessageId(String id) {
        try {
            Files.move(root.resolve("issued").resolve(key(id)), root.resolve("used").resolve(key(id)), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores a delivery atomically.
     *
     * @param messageId  its message id
     * @param addressee  the addressee key (hash of the addressee's cipher certificate)
     * @param originator the originator key (hash of the originator's signature certificate)
     * @param message    the message as signed by the originator
     * @param card       its process card
     * @return the stored delivery
     */
    public Delivery store(String messageId, String addressee, String originator, Spool message, ProcessCard card) {
        String key = key(messageId);
        try {
            Path work = Files.createTempDirectory(root.resolve("tmp"), "d-");
            Path spooled = message.file().orElse(null);
            if (spooled != null && spooled.startsWith(root.resolve("tmp"))) {
                // a message reassembled in the mailbox folder is moved into place, not copied
                Files.move(spooled, work.resolve("message.mime"), StandardCopyOption.ATOMIC_MOVE);
            } else {
                try (InputStream in = message.open()) {
                    Files.copy(in, work.resolve("message.mime"));
                }
            }
            Files.write(work.resolve("card.xml"), cardXml(card));
            Properties meta = new Properties();
            meta.setProperty("messageId", messageId);
            meta.setProperty("addressee", addressee);
            meta.setProperty("originator", originator);
            meta.setProperty("fetched", "false");
            try (var out = Files.newOutputStream(work.resolve("meta.properties"))) {
                meta.store(out, null);
            }
            Path dir = Files.createDirectories(root.resolve("deliveries").resolve(addressee)).resolve(key);
            moveAtomically(work, dir);
            writeAtomically(root.resolve("index").resolve(key), addressee.getBytes(StandardCharsets.UTF_8));
            return new Delivery(messageId, addressee, originator, dir, card, false);
        } catch (IOException e) {
            throw new UncheckedIOException("the delivery cannot be stored", e);
        }
    }

    /**
     * @param messageId a message id
     * @return the delivery with that id
     */
    public Optional<Delivery> find(String messageId) {
        String key = key(messageId);
        try {
            Path index = root.resolve("index").resolve(key);
            if (!Files.exists(index)) {
                return Optional.empty();
            }
            String addressee = Files.readString(index, StandardCharsets.UTF_8);
            return Optional.of(load(root.resolve("deliveries").resolve(addressee).resolve(key)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param addressee the addressee key
     * @return its deliveries, oldest first
     */
    public List<Delivery> deliveries(String addressee) {
        Path dir = root.resolve("deliveries").resolve(addressee);
        List<Delivery> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                out.add(load(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing((Delivery d) -> d.card().creationTime().orElse(d.card().recentModification()))
                .thenComparing(Delivery::messageId));
        return out;
    }

    /** @return every delivery in the mailbox */
    public List<Delivery> all() {
        List<Delivery> out = new ArrayList<>();
        try (var list = Files.list(root.resolve("deliveries"))) {
            for (Path p : (Iterable<Path>) list::iterator) {
                out.addAll(deliveries(p.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Records that a delivery was handed out, with its updated card.
     *
     * @param d    the delivery
     * @param card the new card
     * @return the updated delivery
     */
    public Delivery markFetched(Delivery d, ProcessCard card) {
        writeAtomically(d.folder().resolve("card.xml"), cardXml(card));
        Properties meta = readMeta(d.folder());
        meta.setProperty("fetched", "true");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            meta.store(bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeAtomically(d.folder().resolve("meta.properties"), bytes.toByteArray());
        return new Delivery(d.messageId(), d.addressee(), d.originator(), d.folder(), card, true);
    }

    private Delivery load(Path dir) throws IOException {
        Properties meta = readMeta(dir);
        byte[] xml = Files.readAllBytes(dir.resolve("card.xml"));
        org.w3c.dom.Element root = SecureXml.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        ProcessCard card = ProcessCardXml.read(Dom.one(root, OsciXml.OSCI, "ProcessCardBundle"), null);
        return new Delivery(meta.getProperty("messageId"), meta.getProperty("addressee"), meta.getProperty("originator"), dir,
                card, Boolean.parseBoolean(meta.getProperty("fetched")));
    }

    private static Properties readMeta(Path dir) {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(dir.resolve("meta.properties"))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meta;
    }

    /**
     * Writes a process card to a file, atomically.
     *
     * @param file the file
     * @param card the card
     */
    void writeCard(Path file, ProcessCard card) {
        writeAtomically(file, cardXml(card));
    }

    /**
     * @param file a file written by {@link #writeCard}
     * @return the card
     */
    static ProcessCard readCard(Path file) {
        try {
            org.w3c.dom.Element root = SecureXml.parse(new ByteArrayInputStream(Files.readAllBytes(file))).getDocumentElement();
            return ProcessCardXml.read(Dom.one(root, OsciXml.OSCI, "ProcessCardBundle"), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves a finished file into place atomically (both in the mailbox folder).
     *
     * @param from the file
     * @param to   its place
     */
    static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from.getFileName() + " into place", e);
        }
    }

    /** @return a fresh temporary file in the mailbox folder (same file system as the rest) */
    Path tempFile() {
        try {
            return Files.createTempFile(root.resolve("tmp"), "p-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] cardXml(ProcessCard card) {
        return ("<card xmlns:osci=\"" + OsciXml.OSCI + "\">" + ProcessCardXml.write(card) + "</card>").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param s a string
     * @return its SHA-256 in hex, used as a file name
     */
    public static String key(String s) {
        return key(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param b bytes (e.g. a certificate's DER encoding)
     * @return their SHA-256 in hex
     */
    public static String key(byte[] b) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeAtomically(Path target, byte[] data) {
        try {
            Path tmp = Files.createTempFile(root.resolve("tmp"), "w-", ".tmp");
            Files.write(tmp, data);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target.getFileName(), e);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of the OSCI mailbox cannot move folders atomically", e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (var children = Files.list(p)) {
                for (Path c : (Iterable<Path>) children::iterator) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
