package de.ozgkit.account;

import de.ozgkit.account.internal.MetadataReader;
import de.ozgkit.core.OzgClientConfig;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the relying party needs to know of an identity provider: its entity id, the certificates
 * whose keys may sign responses (more than one during a key rollover) and its single sign-on
 * endpoints per binding. Read from the IdP's SAML metadata ({@code md:EntityDescriptor} with an
 * {@code md:IDPSSODescriptor}) or built by hand.
 *
 * <pre>{@code
 * IdentityProviderMetadata bundId = IdentityProviderMetadata.read(Path.of("bundid-metadata.xml"));
 * IdentityProviderMetadata sandbox = IdentityProviderMetadata.fetch(
 *         URI.create("http://127.0.0.1:8080/saml-idp/metadata"), OzgClientConfig.builder().build());
 * }</pre>
 *
 * <p>Metadata fetched from a URL is trusted as the transport is: fetch it over HTTPS from the
 * operator's address, or keep a reviewed copy as a file.
 *
 * @param entityId               the IdP's entity id (the Issuer of its responses)
 * @param signingCertificates    certificates whose keys may sign responses; at least one
 * @param singleSignOnServices   SSO endpoint per binding
 * @param wantAuthnRequestsSigned the IdP's {@code WantAuthnRequestsSigned}
 */
public record IdentityProviderMetadata(String entityId, List<X509Certificate> signingCertificates,
                                       Map<SamlBinding, URI> singleSignOnServices, boolean wantAuthnRequestsSigned) {

    /** Checks the components. */
    public IdentityProviderMetadata {
        Objects.requireNonNull(entityId, "entityId");
        signingCertificates = List.copyOf(signingCertificates);
        singleSignOnServices = Map.copyOf(singleSignOnServices);
        if (signingCertificates.isEmpty()) {
            throw new SamlMetadataException("identity provider " + entityId + " has no signing certificate;"
                    + " responses could not be verified", null);
        }
    }

    /**
     * @param binding the binding
     * @return the SSO endpoint for that binding
     */
    public Optional<URI> singleSignOnService(SamlBinding binding) {
        return Optional.ofNullable(singleSignOnServices.get(binding));
    }

    /**
     * Parses IdP metadata (hardened parser, 4 MiB at most).
     *
     * @param xml the metadata document: an {@code EntityDescriptor}, or an {@code EntitiesDescriptor}
     *            holding exactly one identity provider
     * @return the metadata
     * @throws SamlMetadataException when it is not readable or lacks what a relying party needs
     */
    public static IdentityProviderMetadata parse(byte[] xml) {
        return MetadataReader.identityProvider(xml, null);
    }

    /**
     * Parses IdP metadata and picks one entity of an aggregate.
     *
     * @param xml      the metadata document
     * @param entityId the entity to pick
     * @return the metadata
     * @throws SamlMetadataException when it is not readable, the entity is missing or incomplete
     */
    public static IdentityProviderMetadata parse(byte[] xml, String entityId) {
        return MetadataReader.identityProvider(xml, Objects.requireNonNull(entityId, "entityId"));
    }

    /**
     * Reads IdP metadata from a file.
     *
     * @param file the metadata file
     * @return the metadata
     * @throws SamlMetadataException when the file cannot be read or used
     */
    public static IdentityProviderMetadata read(Path file) {
        return MetadataReader.identityProvider(MetadataReader.readFile(file), null);
    }

    /**
     * Fetches IdP metadata over HTTP(S) through the ozgkit transport (timeouts, TLS, proxy of the
     * configuration; its base URI is not used).
     *
     * @param url    the metadata URL
     * @param config transport settings
     * @return the metadata
     * @throws SamlMetadataException when the answer is not usable metadata
     * @throws de.ozgkit.core.OzgClientException when nothing usable came back
     */
    public static IdentityProviderMetadata fetch(URI url, OzgClientConfig config) {
        return MetadataReader.identityProvider(MetadataReader.fetch(url, config), null);
    }
}
