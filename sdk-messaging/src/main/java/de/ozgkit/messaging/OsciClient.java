package de.ozgkit.messaging;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.messaging.internal.DefaultOsciClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A client of an OSCI-Transport 1.2 intermediary: requests message ids, stores deliveries, fetches
 * deliveries and process cards, wire-compatible with the OSCI library that German administrations
 * use. Every request is signed by the originator and, by default, encrypted for the intermediary;
 * every answer must carry the intermediary's valid signature, be encrypted for the originator and
 * continue the dialog correctly. Error feedback becomes {@link OsciFeedbackException}.
 *
 * <pre>{@code
 * try (OsciClient osci = OsciClient.builder()
 *         .config(OzgClientConfig.builder().baseUri(intermediaryUri).build())
 *         .originator(OsciIdentity.of(KeyMaterial.pkcs12(Path.of("me.p12"), pin)))
 *         .intermediary(intermediaryCipherCert, intermediarySignatureCert)
 *         .build()) {
 *     StoreReceipt r = osci.store(Delivery.builder().addressee(addresseeCipherCert).subject("Antrag")
 *             .container(ContentContainer.builder().text("<antrag/>").signedBy(me.signer())
 *                     .encryptedFor(addresseeCipherCert).build())
 *             .build());
 * }
 * }</pre>
 *
 * <p>Thread-safe; dialogs it opens are not.
 */
public interface OsciClient extends AutoCloseable {

    /**
     * Asks the intermediary for a fresh message id (GetMessageId).
     *
     * @return the id
     */
    MessageId getMessageId();

    /**
     * Stores a delivery (StoreDelivery). Asks for a message id first when the delivery has none.
     *
     * @param delivery the delivery
     * @return the receipt with the process card
     * @throws OsciFeedbackException when the intermediary refuses it (e.g. 9801 for a used message id)
     */
    StoreReceipt store(Delivery delivery);

    /**
     * Opens an explicit dialog (InitDialog).
     *
     * @return the dialog; close it
     */
    OsciDialog openDialog();

    /**
     * Fetches one delivery in a dialog of its own.
     *
     * @param selection which delivery
     * @param readers   further reader keys
     * @return the delivery, empty when none matches
     */
    default Optional<ReceivedDelivery> fetch(FetchSelection selection, Decrypter... readers) {
        try (OsciDialog d = openDialog()) {
            return d.fetch(selection, readers);
        }
    }

    /**
     * Fetches the process card of one delivery in a dialog of its own.
     *
     * @param id the delivery's message id
     * @return its card, empty when the intermediary has none for this client
     */
    default Optional<ProcessCard> processCard(MessageId id) {
        try (OsciDialog d = openDialog()) {
            return d.processCards(id).stream().findFirst();
        }
    }

    /** Releases the HTTP connections. */
    @Override
    void close();

    /** @return a builder */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OsciClient}. Not thread-safe. */
    final class Builder {
        private OzgClientConfig config;
        private OsciIdentity originator;
        private X509Certificate intermediaryCipher;
        private X509Certificate intermediarySignature;
        private boolean transportEncryption = true;
        private boolean allowLegacyContent;
        private Clock clock = Clock.systemUTC();
        private int chunkKib;
        private long maxLargeMessageBytes = 4L << 30;
        private TransferListener listener = new TransferListener() {
        };

        private Builder() {
        }

        /**
         * @param config transport settings; its base URI is the intermediary's URI
         * @return this builder
         */
        public Builder config(OzgClientConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * @param originator the client's keys: signs requests, decrypts answers and own content
         * @return this builder
         */
        public Builder originator(OsciIdentity originator) {
            this.originator = Objects.requireNonNull(originator, "originator");
            return this;
        }

        /**
         * @param cipher    the intermediary's cipher certificate (requests are encrypted for it)
         * @param signature the intermediary's signature certificate (answers must be signed with it)
         * @return this builder
         */
        public Builder intermediary(X509Certificate cipher, X509Certificate signature) {
            this.intermediaryCipher = Objects.requireNonNull(cipher, "cipher");
            this.intermediarySignature = Objects.requireNonNull(signature, "signature");
            return this;
        }

        /**
         * @param on whether requests travel in a transport envelope (default on, as OSCI intends)
         * @return this builder
         */
        public Builder transportEncryption(boolean on) {
            this.transportEncryption = on;
            return this;
        }

        /**
         * Allows reading content encrypted with AES-CBC from old senders. Off by default; 3DES stays
         * refused.
         *
         * @param allow whether to allow it
         * @return this builder
         */
        public Builder allowLegacyContentEncryption(boolean allow) {
            this.allowLegacyContent = allow;
            return this;
        }

        /**
         * Sends and fetches messages larger than this in chunks of this size, each acknowledged on
         * its own (PartialStoreDelivery / PartialFetchDelivery of the OSCI supplement on efficient
         * message transfer, as the OSCI library implements it); a broken connection resumes at the
         * next chunk not yet through. Neither side then holds more than a chunk in memory, and the
         * whole message may exceed {@code OzgClientConfig.maxResponseBytes}. Off (0) by default.
         *
         * @param kib the chunk size in KiB (the unit OSCI counts in), 0 to send every message whole
         * @return this builder
         * @throws OsciException of check STRUCTURE for a negative size
         */
        public Builder chunkSize(int kib) {
            if (kib < 0) {
                throw new OsciException(OsciCheck.STRUCTURE, "chunkSize must be 0 (off) or a size in KiB, was " + kib);
            }
            this.chunkKib = kib;
            return this;
        }

        /**
         * @param bytes the largest message accepted in chunks (default 4 GiB)
         * @return this builder
         */
        public Builder maxLargeMessageBytes(long bytes) {
            this.maxLargeMessageBytes = bytes;
            return this;
        }

        /**
         * @param listener hears about chunks and resumptions of large transfers
         * @return this builder
         */
        public Builder transferListener(TransferListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param clock the clock (certificate checks)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the client
         * @throws OsciException of check STRUCTURE when something required is missing
         */
        public OsciClient build() {
            if (config == null || config.baseUri().isEmpty()) {
                throw new OsciException(OsciCheck.STRUCTURE, "config with the intermediary's URI as base URI is required");
            }
            if (originator == null || intermediaryCipher == null) {
                throw new OsciException(OsciCheck.STRUCTURE, "originator and intermediary certificates are required");
            }
            return new DefaultOsciClient(config, originator, intermediaryCipher, intermediarySignature, transportEncryption,
                    allowLegacyContent, clock, chunkKib, maxLargeMessageBytes, listener);
        }
    }
}
