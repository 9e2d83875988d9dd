package de.ozgkit.sandbox.fitconnect;

import de.ozgkit.sandbox.SandboxException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A FIT-Connect submission service on loopback, served under {@code /fitconnect}: the token endpoint
 * ({@code {base}/token}, client credentials in the form body), the submission API v1 under
 * {@code {base}/submission-api} (destinations and their keys, submissions, attachments, the event
 * log of a case) and the service's JWKS ({@code {base}/submission-api/.well-known/jwks.json}).
 *
 * <p>Written from the public API description, independently of ozgkit's client: its own JSON
 * handling, its own checks of what clients send. It stores what it cannot read (compact JWEs,
 * checked only for their form and header algorithms), records every step as a SET signed with its
 * own PS512 key, verifies the destinations' acceptances and rejections against their signature keys
 * and the recorded authentication tags, calls back with HMAC-SHA512, deletes incomplete submissions
 * after {@link Builder#incompleteTimeout} (1 day) and rejects unfetched ones after
 * {@link Builder#pickupTimeout} (14 days), measured on the sandbox's clock.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * TestDestination destination = TestDestination.builder(pki).build();
 * FitConnectSimulator fitconnect = FitConnectSimulator.builder().destination(destination).build();
 * try (Sandbox sandbox = Sandbox.builder().service(fitconnect).start()) {
 *     URI api = fitconnect.submissionApi();     // http://127.0.0.1:<port>/fitconnect/submission-api
 * }
 * }</pre>
 *
 * <p>Without destinations ({@link #create()}, as {@code ozgkit sandbox} runs it) it serves one test
 * destination whose keys (RSA 4096 from a fresh test PKI) are made on first use;
 * {@code GET {base}/sandbox/destinations} tells its id, client credentials, private keys (JWK) and
 * trust anchor, for trying the flow by hand. That resource exists only in the sandbox.
 */
public final class FitConnectSimulator implements SandboxService {

    /** The sender client every simulator accepts. */
    public static final String SENDER_CLIENT_ID = "sandbox-sender";
    /** Its secret. */
    public static final String SENDER_CLIENT_SECRET = "sandbox-sender-secret";

    private final List<TestDestination> configured;
    private final Map<String, String> senders;
    private final Duration incompleteTimeout;
    private final Duration pickupTimeout;
    private final Duration tokenLifetime;
    private final long maxAttachmentBytes;
    private final KeyPair serviceKey;
    private volatile List<TestDestination> destinations;
    private volatile SubmissionStore store;
    private volatile Tokens tokens;
    private volatile ServiceKeys keys;
    private volatile CallbackSender callbacks;
    private volatile URI base;
    private volatile LazyState lazy;

    private FitConnectSimulator(Builder b) {
        this.configured = List.copyOf(b.destinations);
        this.senders = Map.copyOf(b.senders);
        this.incompleteTimeout = b.incompleteTimeout;
        this.pickupTimeout = b.pickupTimeout;
        this.tokenLifetime = b.tokenLifetime;
        this.maxAttachmentBytes = b.maxAttachmentBytes;
        this.serviceKey = b.serviceKey;
    }

    /** @return a simulator with one test destination made on first use, as {@code ozgkit sandbox} runs it */
    public static FitConnectSimulator create() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "fitconnect";
    }

    @Override
    public void mount(SandboxContext context) {
        base = context.baseUri();
        callbacks = new CallbackSender(context.clock());
        context.onClose(callbacks);
        lazy = new LazyState(context);
        context.errorHandler(new FitConnectErrorHandler());
        new FitConnectHandler(context.routes(), () -> {
            try {
                return lazy.core();
            } catch (Exception e) {
                throw new SandboxException("the FIT-Connect simulator cannot start: " + e, e);
            }
        }, base.toString(), this);
        context.onClose(() -> {
            if (store != null) {
                store.close();
            }
        });
    }

    @Override
    public java.util.OptionalLong maxRequestBytes() {
        // attachments stream to disk; the simulator checks their size itself
        return java.util.OptionalLong.of(maxAttachmentBytes + 64 * 1024);
    }

    /** Builds the keys, destinations and state on first use. */
    private final class LazyState {
        private final SandboxContext context;
        private FitConnectHandler.Core core;

        LazyState(SandboxContext context) {
            this.context = context;
        }

        // the default destination's and the service's RSA 4096 keys are made when first needed, so that a
        // sandbox that never speaks FIT-Connect does not pay for them
        synchronized FitConnectHandler.Core core() {
            if (core == null) {
                List<TestDestination> all = configured.isEmpty()
                        ? List.of(TestDestination.builder(TestPki.create("ozgkit FIT-Connect Sandbox", KeyType.RSA_2048))
                        .client("sandbox-subscriber", "sandbox-subscriber-secret").build()) : configured;
                keys = new ServiceKeys(serviceKey != null ? serviceKey : KeyType.RSA_4096.generate(),
                        base + "/submission-api");
                Map<UUID, TestDestination> byId = new LinkedHashMap<>();
                Map<String, String> secrets = new LinkedHashMap<>(senders);
                Map<String, SubmissionStore.Client> clients = new LinkedHashMap<>();
                senders.keySet().forEach(id -> clients.put(id, new SubmissionStore.Client(id, null)));
                for (TestDestination d : all) {
                    byId.put(d.destinationId(), d);
                    secrets.put(d.clientId(), d.clientSecret());
                    clients.put(d.clientId(), new SubmissionStore.Client(d.clientId(), d.destinationId()));
                }
                destinations = all;
                tokens = new Tokens(secrets, clients, context.clock(), tokenLifetime);
                store = new SubmissionStore(keys, byId, context.clock(), incompleteTimeout, pickupTimeout,
                        maxAttachmentBytes, callbacks);
                core = new FitConnectHandler.Core(store, tokens, keys);
            }
            return core;
        }
    }

    private SubmissionStore store() {
        if (lazy == null) {
            throw new SandboxException("the FIT-Connect simulator is not mounted in a sandbox", null);
        }
        try {
            lazy.core();
        } catch (Exception e) {
            throw new SandboxException("the FIT-Connect simulator cannot start: " + e, e);
        }
        return store;
    }

    /** @return the base URI, e.g. {@code http://127.0.0.1:41234/fitconnect} */
    public URI baseUri() {
        return Objects.requireNonNull(base, "not mounted");
    }

    /** @return the token endpoint {@code {base}/token} */
    public URI tokenUri() {
        return URI.create(baseUri() + "/token");
    }

    /** @return the submission API's root {@code {base}/submission-api} (the issuer of the service's SETs) */
    public URI submissionApi() {
        return URI.create(baseUri() + "/submission-api");
    }

    /** @return how many tokens the token endpoint issued */
    public int tokensIssued() {
        return tokens == null ? 0 : tokens.issuedCount();
    }

    /** @return how many callbacks were delivered (answered 2xx) */
    public int callbacksDelivered() {
        return callbacks == null ? 0 : callbacks.delivered();
    }

    /**
     * @param submissionId a submission
     * @return its state as the service sees it ({@code incomplete}, {@code submitted}, ...), {@code null} if unknown
     */
    public String state(UUID submissionId) {
        store().sweep();
        return store().state(submissionId);
    }

    /**
     * @param caseId a case
     * @return the SETs of its event log
     */
    public List<String> eventLog(UUID caseId) {
        return store().caseLog(caseId);
    }

    /**
     * Appends a SET to a case's log as a compromised service would (for tests of client checks).
     *
     * @param caseId the case
     * @param set    the compact SET
     */
    public void appendEvent(UUID caseId, String set) {
        store().appendEvent(caseId, set);
    }

    /**
     * Replaces a SET of a case's log (for tests of client checks).
     *
     * @param caseId the case
     * @param index  the entry's position
     * @param set    the compact SET
     * @throws SandboxException if the case has no entry at that position
     */
    public void replaceEvent(UUID caseId, int index, String set) {
        store().replaceEvent(caseId, index, set);
    }

    /**
     * Replaces stored ciphertexts as a compromised service would (for tests of client checks).
     *
     * @param submissionId the submission
     * @param metadata     the new metadata JWE, {@code null} to keep it
     * @param data         the new data JWE, {@code null} to keep it
     * @throws SandboxException if the simulator has no such submission
     */
    public void replaceEncrypted(UUID submissionId, String metadata, String data) {
        store().replaceEncrypted(submissionId, metadata, data);
    }

    /**
     * Replaces a stored attachment JWE (for tests of client checks).
     *
     * @param submissionId the submission
     * @param attachmentId the attachment
     * @param jwe          the bytes to serve instead
     * @throws SandboxException if the simulator has no such submission or attachment, or the file cannot be written
     */
    public void replaceAttachment(UUID submissionId, UUID attachmentId, byte[] jwe) {
        store().replaceAttachment(submissionId, attachmentId, jwe);
    }

    /**
     * Signs a SET with the service's key, e.g. to build a SET with wrong claims for a test.
     *
     * @param eventUri     the event URI
     * @param submissionId the {@code sub}
     * @param caseId       the {@code txn}
     * @param payload      the event payload
     * @return the compact SET
     */
    public String signAsService(String eventUri, UUID submissionId, UUID caseId, Map<String, Object> payload) {
        store();
        return keys.sign(eventUri, submissionId, caseId, payload, java.time.Instant.now());
    }

    /** @return the service's public signature key */
    public RSAKey servicePublicKey() {
        store();
        return keys.publicKey();
    }

    /** @return the destinations served (after the first request) */
    public List<TestDestination> destinations() {
        if (configured.isEmpty()) {
            store();
        }
        return destinations == null ? configured : destinations;
    }

    ObjectNode sandboxInfo() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode().put("tokenUri", tokenUri().toString())
                .put("submissionApi", submissionApi().toString())
                .put("senderClientId", SENDER_CLIENT_ID).put("senderClientSecret", SENDER_CLIENT_SECRET);
        ArrayNode list = o.putArray("destinations");
        for (TestDestination d : destinations()) {
            ObjectNode e = list.addObject().put("destinationId", d.destinationId().toString())
                    .put("clientId", d.clientId()).put("clientSecret", d.clientSecret())
                    .put("encryptionKid", d.encryptionKid()).put("signingKid", d.signingKid());
            e.put("decryptionKeyJwk", new RSAKey.Builder((RSAPublicKey) d.encryption().publicKey())
                    .privateKey((RSAPrivateKey) d.encryption().privateKey()).keyID(d.encryptionKid()).build().toJSONString());
            e.put("signingKeyJwk", new RSAKey.Builder((RSAPublicKey) d.signing().publicKey())
                    .privateKey((RSAPrivateKey) d.signing().privateKey()).keyID(d.signingKid()).build().toJSONString());
            try {
                e.put("trustAnchorPem", "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(d.trustAnchor().getEncoded()) + "\n-----END CERTIFICATE-----\n");
            } catch (java.security.cert.CertificateEncodingException ex) {
                throw new SandboxException("cannot encode the trust anchor of destination " + d.destinationId() + ": " + ex.getMessage(), ex);
            }
        }
        return o;
    }

    /** Builds a {@link FitConnectSimulator}. Not thread-safe. */
    public static final class Builder {
        private final List<TestDestination> destinations = new ArrayList<>();
        private final Map<String, String> senders = new LinkedHashMap<>(Map.of(SENDER_CLIENT_ID, SENDER_CLIENT_SECRET));
        private Duration incompleteTimeout = Duration.ofDays(1);
        private Duration pickupTimeout = Duration.ofDays(14);
        private Duration tokenLifetime = Duration.ofMinutes(30);
        private long maxAttachmentBytes = (500L * 1024 * 1024 * 4 + 2) / 3 + 16 * 1024;
        private KeyPair serviceKey;

        private Builder() {
        }

        /**
         * @param destination a destination to serve (replaces the default one)
         * @return this builder
         */
        public Builder destination(TestDestination destination) {
            destinations.add(Objects.requireNonNull(destination, "destination"));
            return this;
        }

        /**
         * @param clientId another sender client
         * @param secret   its secret
         * @return this builder
         */
        public Builder sender(String clientId, String secret) {
            senders.put(clientId, secret);
            return this;
        }

        /**
         * @param timeout after this time an incomplete submission is deleted (1 day by default)
         * @return this builder
         */
        public Builder incompleteTimeout(Duration timeout) {
            this.incompleteTimeout = timeout;
            return this;
        }

        /**
         * @param timeout after this time an unfetched submitted submission is rejected (14 days by default)
         * @return this builder
         */
        public Builder pickupTimeout(Duration timeout) {
            this.pickupTimeout = timeout;
            return this;
        }

        /**
         * @param lifetime the lifetime of issued tokens ({@code expires_in}, 30 minutes by default)
         * @return this builder
         */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * @param bytes the largest attachment JWE accepted (by default enough for 500 MiB of plaintext)
         * @return this builder
         */
        public Builder maxAttachmentBytes(long bytes) {
            this.maxAttachmentBytes = bytes;
            return this;
        }

        /**
         * @param pair the service's RSA signature key pair (generated when not set)
         * @return this builder
         */
        public Builder serviceKey(KeyPair pair) {
            this.serviceKey = pair;
            return this;
        }

        /** @return the simulator */
        public FitConnectSimulator build() {
            return new FitConnectSimulator(this);
        }
    }
}
