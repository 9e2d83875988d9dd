package de.ozgkit.account;

import de.ozgkit.account.internal.DefaultServiceProvider;
import de.ozgkit.account.internal.SpSettings;
import de.ozgkit.core.security.Identity;
import de.ozgkit.core.xml.XmlLimits;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A SAML 2.0 relying party ("service provider") for the Servicekonto / BundID Web SSO profile:
 * builds signed AuthnRequests with the akdb extension for both bindings, publishes its metadata,
 * and turns the identity provider's HTTP-POST response into a {@link ServicekontoIdentity} after
 * checking it completely (signature over the element actually read, decryption, issuer,
 * destination, audience, InResponseTo, bearer confirmation, validity window, replay).
 *
 * <pre>{@code
 * ServiceProvider sp = ServiceProvider.builder()
 *         .entityId("https://fachverfahren.example.de/saml")
 *         .assertionConsumerService(URI.create("https://fachverfahren.example.de/saml/acs"))
 *         .signingIdentity(KeyMaterial.pkcs12(Path.of("sp-signing.p12"), password))
 *         .encryptionIdentity(KeyMaterial.pkcs12(Path.of("sp-encryption.p12"), password))
 *         .identityProvider(IdentityProviderMetadata.read(Path.of("bundid-metadata.xml")))
 *         .build();
 * AuthnRequestMessage request = sp.createRequest(login, SamlBinding.HTTP_REDIRECT);
 * // redirect the browser to request.redirect().get(), keep request.expectation() in the session
 * ServicekontoIdentity citizen = sp.acceptResponse(samlResponseFormField, expectation);
 * }</pre>
 *
 * <p>Thread-safe; build one per application and share it.
 */
public interface ServiceProvider {

    /** The allowed clock skew unless configured: 2 minutes. */
    Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(2);

    /** The largest response accepted unless configured: 1 MiB of XML. */
    long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    /** @return a builder */
    static Builder builder() {
        return new Builder();
    }

    /** @return this service provider's entity id */
    String entityId();

    /** @return the assertion consumer service (HTTP-POST) */
    URI assertionConsumerService();

    /**
     * Creates an AuthnRequest for the identity provider's SSO endpoint of the given binding.
     *
     * @param login   what to ask for
     * @param binding HTTP-Redirect (deflated, detached signature over the query string) or HTTP-POST
     *                (enveloped signature)
     * @return the request
     * @throws SamlMetadataException when the identity provider has no endpoint for the binding
     * @throws AccountConfigurationException when the IdP wants signed requests and no signing identity is set
     */
    AuthnRequestMessage createRequest(LoginRequest login, SamlBinding binding);

    /**
     * This service provider's metadata ({@code md:EntityDescriptor} with an {@code SPSSODescriptor}):
     * entity id, signing and encryption certificates, the assertion consumer service, the NameID format.
     *
     * @return the metadata document (UTF-8 XML)
     */
    String metadata();

    /**
     * Checks a response of the HTTP-POST binding and returns the identity.
     *
     * @param samlResponse the {@code SAMLResponse} form field (base64)
     * @param expectation  the request it answers (from {@link AuthnRequestMessage#expectation()})
     * @return the identity
     * @throws SamlValidationException when a check refuses the response; {@link SamlValidationException#check()} names it
     * @throws SamlStatusException     when the identity provider reports an error status
     */
    ServicekontoIdentity acceptResponse(String samlResponse, ResponseExpectation expectation);

    /**
     * Checks a SAML document: a {@code samlp:Response}, or a bare {@code saml:Assertion} (as copied
     * from a browser trace; it must carry its own signature). All checks of
     * {@link #acceptResponse} apply, the response-level ones where there is a response.
     *
     * @param xml         the document
     * @param expectation the request it answers
     * @return the identity
     * @throws SamlValidationException when a check refuses the document
     * @throws SamlStatusException     when the identity provider reports an error status
     */
    ServicekontoIdentity acceptDocument(byte[] xml, ResponseExpectation expectation);

    /** Builds a {@link ServiceProvider}. Not thread-safe. */
    final class Builder {
        private String entityId;
        private URI assertionConsumerService;
        private Identity signingIdentity;
        private Identity encryptionIdentity;
        private IdentityProviderMetadata identityProvider;
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private ReplayCache replayCache;
        private boolean requireSignedAssertions = true;
        private boolean requireEncryptedAssertions;
        private boolean allowAesCbc;
        private boolean allowUnsolicited;
        private XmlLimits limits = XmlLimits.DEFAULT.withMaxBytes(DEFAULT_MAX_RESPONSE_BYTES).withMaxDepth(64);

        private Builder() {
        }

        /**
         * @param entityId this service provider's entity id (the Audience the IdP addresses)
         * @return this builder
         */
        public Builder entityId(String entityId) {
            this.entityId = Objects.requireNonNull(entityId, "entityId");
            return this;
        }

        /**
         * @param acs the HTTP-POST assertion consumer service URL (the responses' Destination and Recipient)
         * @return this builder
         */
        public Builder assertionConsumerService(URI acs) {
            this.assertionConsumerService = Objects.requireNonNull(acs, "acs");
            return this;
        }

        /**
         * @param identity the key and certificate that sign AuthnRequests (RSA, RSA-SHA256)
         * @return this builder
         */
        public Builder signingIdentity(Identity identity) {
            this.signingIdentity = identity;
            return this;
        }

        /**
         * @param identity the key and certificate encrypted assertions are encrypted for (RSA); without
         *                 it, the signing identity decrypts
         * @return this builder
         */
        public Builder encryptionIdentity(Identity identity) {
            this.encryptionIdentity = identity;
            return this;
        }

        /**
         * @param metadata the trusted identity provider
         * @return this builder
         */
        public Builder identityProvider(IdentityProviderMetadata metadata) {
            this.identityProvider = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * @param clock the clock for IssueInstant, validity windows and replay expiry (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param skew the clock difference tolerated between IdP and SP, 0 to 10 minutes (default 2)
         * @return this builder
         */
        public Builder clockSkew(Duration skew) {
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new AccountConfigurationException("clockSkew must be between 0 and 10 minutes, was " + skew);
            }
            this.clockSkew = skew;
            return this;
        }

        /**
         * @param cache where used assertion ids are remembered (default: in memory, 100,000 ids)
         * @return this builder
         */
        public Builder replayCache(ReplayCache cache) {
            this.replayCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * @param require whether the assertion itself must be signed, as BundID does (default
         *                {@code true}); {@code false} also accepts an unsigned assertion inside a
         *                signed response
         * @return this builder
         */
        public Builder requireSignedAssertions(boolean require) {
            this.requireSignedAssertions = require;
            return this;
        }

        /**
         * @param require whether plain (unencrypted) assertions are refused (default {@code false})
         * @return this builder
         */
        public Builder requireEncryptedAssertions(boolean require) {
            this.requireEncryptedAssertions = require;
            return this;
        }

        /**
         * @param allow whether AES-CBC content encryption is accepted, for old identity providers
         *              (default {@code false}: AES-GCM only)
         * @return this builder
         */
        public Builder allowAesCbc(boolean allow) {
            this.allowAesCbc = allow;
            return this;
        }

        /**
         * @param allow whether IdP-initiated responses without InResponseTo are accepted (default {@code false})
         * @return this builder
         */
        public Builder allowUnsolicitedResponses(boolean allow) {
            this.allowUnsolicited = allow;
            return this;
        }

        /**
         * @param limits size, depth and attribute limits for responses (default 1 MiB, depth 64)
         * @return this builder
         */
        public Builder limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @return the service provider
         * @throws AccountConfigurationException when entity id, assertion consumer service or identity provider is missing
         */
        public ServiceProvider build() {
            if (entityId == null || entityId.isBlank()) {
                throw new AccountConfigurationException("entityId is required");
            }
            if (assertionConsumerService == null || !assertionConsumerService.isAbsolute()) {
                throw new AccountConfigurationException("assertionConsumerService must be an absolute URL");
            }
            if (identityProvider == null) {
                throw new AccountConfigurationException("identityProvider is required: the metadata of the trusted IdP");
            }
            return new DefaultServiceProvider(new SpSettings(entityId, assertionConsumerService, signingIdentity,
                    encryptionIdentity, identityProvider, clock, clockSkew,
                    replayCache != null ? replayCache : ReplayCache.inMemory(100_000, clock), requireSignedAssertions,
                    requireEncryptedAssertions, allowAesCbc, allowUnsolicited, limits));
        }
    }
}
