package de.ozgkit.messaging;

import de.ozgkit.messaging.internal.RecipientEngine;
import de.ozgkit.messaging.internal.Spool;
import de.ozgkit.messaging.internal.TransportEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The passive recipient of OSCI-Transport 1.2: the endpoint a Fachverfahren offers so that an
 * intermediary can hand it deliveries directly (AcceptDelivery, for a client's ForwardDelivery) and
 * requests that wait for its reply (ProcessDelivery, for a client's MediateDelivery).
 *
 * <p>For every message it opens the transport envelope with the recipient's cipher key, checks
 * that the configured intermediary signed every part, that the control block carries a challenge
 * it has not seen before (replays are refused), decrypts the content containers for the
 * recipient's reader keys and verifies every author signature; only then it calls the
 * {@link OsciRecipient}. It answers with ResponseToAcceptDelivery or ResponseToProcessDelivery,
 * signed by the recipient and encrypted for the intermediary; refused messages get a SOAP fault with
 * the OSCI code of the failed check (e.g. 9601 for the intermediary's signature, 9400 for a replay),
 * failures of the content a response with an error code (9805 not accepted, 9808 recipient error).
 *
 * <p>It knows no HTTP: mount {@link de.ozgkit.messaging.jetty.OsciRecipientHandler} in a Jetty 12
 * server, or call {@link #handle} from any server.
 *
 * <pre>{@code
 * PassiveRecipient recipient = PassiveRecipient.builder()
 *         .identity(OsciIdentity.of(KeyMaterial.pkcs12(Path.of("fachverfahren.p12"), pin)))
 *         .intermediary(intermediaryCipherCert, intermediarySignatureCert)
 *         .handler(vendor)
 *         .build();
 * server.setHandler(new OsciRecipientHandler(recipient));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class PassiveRecipient {

    /**
     * An answer to send back to the intermediary. Close it after writing.
     */
    public static final class Answer implements AutoCloseable {
        private final int status;
        private final Spool body;
        private final TransportEnvelope.Sealed sealed;

        /**
         * @param status the HTTP status
         * @param body   the message
         * @param sealed its transport envelope, or {@code null}
         */
        Answer(int status, Spool body, TransportEnvelope.Sealed sealed) {
            this.status = status;
            this.body = body;
            this.sealed = sealed;
        }

        /** @return the HTTP status (200, or 500 for an internal error) */
        public int status() {
            return status;
        }

        /** @return the HTTP Content-Type */
        public String contentType() {
            return "text/xml";
        }

        /** @return the number of bytes {@link #writeTo} writes */
        public long length() {
            return sealed != null ? sealed.length() : body.size();
        }

        /**
         * @param out where to write the HTTP body; not closed
         * @throws IOException when writing fails
         */
        public void writeTo(OutputStream out) throws IOException {
            if (sealed != null) {
                sealed.writeTo(out);
            } else {
                try (InputStream in = body.open()) {
                    in.transferTo(out);
                }
            }
        }

        /** Releases the buffer. */
        @Override
        public void close() {
            body.close();
        }
    }

    private final RecipientEngine<Answer> engine;

    private PassiveRecipient(Builder b) {
        this.engine = new RecipientEngine<>(b.identity, b.readers, b.intermediaryCipher, b.intermediarySignature, b.handler,
                b.clock, b.replayWindow, b.maxMessageBytes, (status, body, sealed) -> new Answer(status, body, sealed));
    }

    /**
     * Handles one message from the intermediary.
     *
     * @param body        the HTTP request body
     * @param contentType the HTTP Content-Type, may be {@code null}
     * @return the answer; close it after sending
     */
    public Answer handle(InputStream body, String contentType) {
        return engine.handle(body, contentType);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PassiveRecipient}. Not thread-safe. */
    public static final class Builder {
        private OsciIdentity identity;
        private java.util.List<Decrypter> readers = java.util.List.of();
        private X509Certificate intermediaryCipher;
        private X509Certificate intermediarySignature;
        private OsciRecipient handler;
        private Clock clock = Clock.systemUTC();
        private Duration replayWindow = Duration.ofHours(24);
        private long maxMessageBytes = 256L << 20;

        private Builder() {
        }

        /**
         * @param identity the recipient's keys: its cipher key opens messages and content, its
         *                 signature key signs the answers
         * @return this builder
         */
        public Builder identity(OsciIdentity identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /**
         * @param more further reader keys that may decrypt content containers (the recipient's own
         *             cipher key is always tried first)
         * @return this builder
         */
        public Builder readers(Decrypter... more) {
            this.readers = java.util.List.of(more);
            return this;
        }

        /**
         * @param cipher    the intermediary's cipher certificate (answers are encrypted for it)
         * @param signature the intermediary's signature certificate (every message must be signed with it)
         * @return this builder
         */
        public Builder intermediary(X509Certificate cipher, X509Certificate signature) {
            this.intermediaryCipher = Objects.requireNonNull(cipher, "cipher");
            this.intermediarySignature = Objects.requireNonNull(signature, "signature");
            return this;
        }

        /**
         * @param handler what the Fachverfahren does with the messages
         * @return this builder
         */
        public Builder handler(OsciRecipient handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * @param window how long challenges and message ids are remembered to refuse replays (default 24 h)
         * @return this builder
         */
        public Builder replayWindow(Duration window) {
            this.replayWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * @param bytes the largest message accepted (default 256 MiB); larger ones are refused with 9100
         * @return this builder
         */
        public Builder maxMessageBytes(long bytes) {
            this.maxMessageBytes = bytes;
            return this;
        }

        /**
         * @param clock the clock (process cards, replay window)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the recipient
         * @throws OsciException of check STRUCTURE when identity, intermediary or handler is missing
         */
        public PassiveRecipient build() {
            if (identity == null || intermediaryCipher == null || handler == null) {
                throw new OsciException(OsciCheck.STRUCTURE, "identity, intermediary certificates and handler are required");
            }
            return new PassiveRecipient(this);
        }
    }
}
