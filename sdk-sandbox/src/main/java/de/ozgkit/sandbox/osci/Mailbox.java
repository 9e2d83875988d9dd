package de.ozgkit.sandbox.osci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The intermediary's storage in a folder that survives a restart: issued message ids and the
 * deliveries per addressee. Every write goes to a temporary name first and is then moved into place
 * atomically, so that a crash never leaves half a delivery visible.
 *
 * <p>Thread-safe.
 */
public final class Mailbox {

    private final Path root;

    /**
     * @param root the folder; created when missing; leftovers of interrupted writes are removed
     */
    public Mailbox(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("issued"));
            Files.createDirectories(root.resolve("deliveries"));
            Files.createDirectories(root.resolve("index"));
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

    static String key(String s) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void writeAtomically(Path target, byte[] data) {
        try {
            Path tmp = Files.createTempFile(root.resolve("tmp"), "w-", ".tmp");
            Files.write(tmp, data);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target.getFileName(), e);
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
