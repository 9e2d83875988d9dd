package de.ozgkit.sandbox.postfach;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message the sandbox mailbox holds, with its declared and received attachments and its status.
 * Thread-safe (all state changes are synchronised).
 */
public final class MailboxMessage {

    /**
     * A declared attachment.
     *
     * @param filename      the file name
     * @param mediaType     the media type
     * @param sha512        the declared SHA-512, lower-case hex
     * @param contentLength the declared length
     */
    public record Declared(String filename, String mediaType, String sha512, long contentLength) {
    }

    private final String id;
    private final Map<String, String> fields;
    private final List<Declared> declared;
    private final X509Certificate author;
    private final String signer;
    private final Instant created;
    private final Map<String, byte[]> received = new LinkedHashMap<>();
    private String status;

    MailboxMessage(String id, Map<String, String> fields, List<Declared> declared, X509Certificate author, String signer,
                   Instant created) {
        this.id = id;
        this.fields = Map.copyOf(fields);
        this.declared = List.copyOf(declared);
        this.author = author;
        this.signer = signer;
        this.created = created;
        this.status = declared.isEmpty() ? "SUBMITTED" : "INITIATED";
    }

    /** @return the mailbox's id of the message */
    public String id() {
        return id;
    }

    /**
     * @param name a message field: mailboxUuid, sender, title, content, service, applicationId, reference, replyAddress
     * @return its value, {@code null} when absent
     */
    public String field(String name) {
        return fields.get(name);
    }

    /** @return the declared attachments */
    public List<Declared> declared() {
        return declared;
    }

    /** @return the author certificate of the envelope */
    public X509Certificate author() {
        return author;
    }

    /** @return the signer claim of the author token */
    public String signer() {
        return signer;
    }

    /** @return when the mailbox accepted it */
    public Instant created() {
        return created;
    }

    /** @return the current status */
    public synchronized String status() {
        return status;
    }

    /**
     * @param filename an attachment's name
     * @return a copy of its received bytes, {@code null} when not received
     */
    public synchronized byte[] attachment(String filename) {
        byte[] b = received.get(filename);
        return b == null ? null : b.clone();
    }

    /** @return the names of the received attachments */
    public synchronized List<String> receivedAttachments() {
        return new ArrayList<>(received.keySet());
    }

    synchronized void receive(String filename, byte[] content) {
        received.put(filename, content.clone());
        if (status.equals("INITIATED") && received.size() == declared.size()) {
            status = "SUBMITTED";
        }
    }

    synchronized boolean hasReceived(String filename, byte[] content) {
        return received.containsKey(filename) && Arrays.equals(received.get(filename), content);
    }

    synchronized void status(String next) {
        this.status = next;
    }
}
