package de.ozgkit.account.postfach;

import de.ozgkit.account.AccountConfigurationException;
import de.ozgkit.account.internal.DefaultPostfachClient;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.security.Identity;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Sends messages to citizens' mailboxes (Postfach) over mutual TLS and reads their status.
 *
 * <p>Each message travels in the signed envelope {@code {content, sha512sum, authorToken,
 * authorCertificate}}: the message JSON (base64), its RSA-SHA512 signature by the author key, a
 * short-lived author token (JWT, RS512, claims {@code iat}, {@code exp}, {@code signer},
 * {@code roles}) and the author certificate. Attachments are declared in the signed message with
 * their SHA-512 and uploaded after it.
 *
 * <pre>{@code
 * try (PostfachClient postfach = PostfachClient.builder()
 *         .config(OzgClientConfig.builder().baseUri("https://postfach.example.de/api")
 *                 .tls(TlsConfig.builder().clientPkcs12(Path.of("behoerde.p12"), password).build()).build())
 *         .author(KeyMaterial.pkcs12(Path.of("autor.p12"), password))
 *         .signer("Stadt Musterstadt, Bürgerbüro")
 *         .build()) {
 *     MessageReceipt receipt = postfach.send(PostfachMessage.builder()
 *             .mailboxUuid(citizen.require(ServicekontoAttribute.POSTKORB_HANDLE, TrustLevel.NORMAL))
 *             .sender("Stadt Musterstadt").title("Ihr Bescheid").content("Guten Tag, ...")
 *             .attachment(new Attachment("bescheid.pdf", "application/pdf", pdf)).build());
 *     MessageStatus status = postfach.status(receipt.messageId());
 * }
 * }</pre>
 *
 * <p>Thread-safe; create once and share. Errors are {@link de.ozgkit.core.OzgServiceException}s
 * (the mailbox refused, with its problem details) or {@link de.ozgkit.core.OzgClientException}s.
 */
public interface PostfachClient extends AutoCloseable {

    /** @return a builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a message: the signed envelope, then every attachment.
     *
     * @param message the message
     * @return the mailbox's id and the status after the last upload
     */
    MessageReceipt send(PostfachMessage message);

    /**
     * @param messageId the mailbox's id of a message
     * @return its current status
     */
    MessageStatus status(String messageId);

    /**
     * Moves a message to a later processing status (PROCESSING, ACTION_REQUIRED, COMPLETED).
     *
     * @param messageId the message
     * @param status    the new status
     * @return the status the mailbox reports afterwards
     */
    MessageStatus updateStatus(String messageId, MessageStatus status);

    /** Closes the transport if the client created it. */
    @Override
    void close();

    /** Builds a {@link PostfachClient}. Not thread-safe. */
    final class Builder {
        private OzgClientConfig config;
        private Identity author;
        private String signer;
        private List<String> roles = List.of("SENDER");
        private Duration tokenLifetime = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param config base URI of the mailbox API, TLS with the client certificate (mutual TLS)
         * @return this builder
         */
        public Builder config(OzgClientConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * @param author the RSA key and certificate that sign messages and author tokens
         * @return this builder
         */
        public Builder author(Identity author) {
            this.author = Objects.requireNonNull(author, "author");
            return this;
        }

        /**
         * @param signer the {@code signer} claim of the author token (who signs, e.g. the office)
         * @return this builder
         */
        public Builder signer(String signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
            return this;
        }

        /**
         * @param roles the {@code roles} claim of the author token (default {@code ["SENDER"]})
         * @return this builder
         */
        public Builder roles(List<String> roles) {
            this.roles = List.copyOf(roles);
            return this;
        }

        /**
         * @param lifetime how long an author token is valid (1 second to 1 hour, default 5 minutes)
         * @return this builder
         */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(Duration.ofHours(1)) > 0) {
                throw new AccountConfigurationException("tokenLifetime must be between 1 second and 1 hour, was " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * @param clock the clock for the token's {@code iat} and {@code exp}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the client
         * @throws AccountConfigurationException when config, author or signer is missing, or the author key is not RSA
         */
        public PostfachClient build() {
            if (config == null || config.baseUri().isEmpty()) {
                throw new AccountConfigurationException("config with the mailbox's base URI is required");
            }
            if (author == null || !author.privateKey().getAlgorithm().equals("RSA")) {
                throw new AccountConfigurationException("author must be an RSA key with its certificate"
                        + " (RSA-SHA512 signatures and RS512 tokens)");
            }
            if (signer == null || signer.isBlank()) {
                throw new AccountConfigurationException("signer is required (the author token's signer claim)");
            }
            return new DefaultPostfachClient(config, author, signer, roles, tokenLifetime, clock);
        }
    }
}
