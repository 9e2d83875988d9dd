package de.ozgkit.sandbox.fitconnect;

import de.ozgkit.sandbox.SandboxException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A destination of the simulated submission service with keys from a test PKI: an RSA 4096
 * encryption certificate ({@code RSA-OAEP-256}, {@code wrapKey}) and an RSA 4096 signature
 * certificate ({@code PS512}, {@code verify}), both issued by the PKI's intermediate CA, so that
 * clients can check the published {@code x5c} chains against the PKI's root. The subscriber's API
 * client (id and secret) belongs to it. Immutable.
 */
public final class TestDestination {

    /** The service every test destination offers unless told otherwise. */
    public static final String DEFAULT_SERVICE = "urn:de:fim:leika:leistung:99108008252000";
    /** The data schema accepted for it. */
    public static final String DEFAULT_SCHEMA = "https://schema.example.org/ozgkit/antrag/1.0.0/antrag.schema.json";

    /**
     * A service offered, with its accepted data schemas.
     *
     * @param identifier the service URN
     * @param schemas    schema URI and media type of each accepted data schema
     */
    public record Service(String identifier, List<Schema> schemas) {
        /** Copies the list. */
        public Service {
            schemas = List.copyOf(schemas);
        }
    }

    /**
     * An accepted data schema.
     *
     * @param schemaUri the schema URI
     * @param mimeType  {@code application/json} or {@code application/xml}
     */
    public record Schema(String schemaUri, String mimeType) {
    }

    private final UUID destinationId;
    private final IssuedCertificate encryption;
    private final IssuedCertificate signing;
    private final String encryptionKid;
    private final String signingKid;
    private final String clientId;
    private final String clientSecret;
    private final List<Service> services;
    private final List<String> metadataVersions;
    private final String status;
    private final URI callbackUrl;
    private final String callbackSecret;
    private final String publishedEncryptionKey;
    private final X509Certificate trustAnchor;

    private TestDestination(Builder b) {
        this.destinationId = b.destinationId;
        this.encryption = b.encryption;
        this.signing = b.signing;
        this.encryptionKid = b.encryptionKid;
        this.signingKid = b.signingKid;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.services = List.copyOf(b.services);
        this.metadataVersions = List.copyOf(b.metadataVersions);
        this.status = b.status;
        this.callbackUrl = b.callbackUrl;
        this.callbackSecret = b.callbackSecret;
        this.publishedEncryptionKey = b.publishedEncryptionKey;
        this.trustAnchor = b.trustAnchor;
    }

    /**
     * Issues the destination's two RSA 4096 certificates from the PKI (this takes a few seconds).
     *
     * @param pki the test PKI
     * @return a builder with a random destination id, key ids and client credentials
     */
    public static Builder builder(TestPki pki) {
        IssuedCertificate enc = pki.intermediate().issue(CertificateSpec.builder()
                .subject("CN=FIT-Connect Test Destination Encryption").keyType(KeyType.RSA_4096)
                .keyUsage(CertificateSpec.KeyUsage.KEY_ENCIPHERMENT).build());
        IssuedCertificate sig = pki.intermediate().issue(CertificateSpec.builder()
                .subject("CN=FIT-Connect Test Destination Signature").keyType(KeyType.RSA_4096)
                .keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE).build());
        return builder(pki.rootCertificate(), enc, sig);
    }

    /**
     * @param trustAnchor the root the certificates chain to
     * @param encryption  an RSA encryption certificate with its key and chain
     * @param signing     an RSA signature certificate with its key and chain
     * @return a builder with a random destination id, key ids and client credentials
     */
    public static Builder builder(X509Certificate trustAnchor, IssuedCertificate encryption, IssuedCertificate signing) {
        return new Builder(trustAnchor, encryption, signing);
    }

    /** @return the destination id */
    public UUID destinationId() {
        return destinationId;
    }

    /** @return the encryption certificate with its private key */
    public IssuedCertificate encryption() {
        return encryption;
    }

    /** @return the signature certificate with its private key */
    public IssuedCertificate signing() {
        return signing;
    }

    /** @return the encryption key id */
    public String encryptionKid() {
        return encryptionKid;
    }

    /** @return the signature key id */
    public String signingKid() {
        return signingKid;
    }

    /** @return the subscriber's client id */
    public String clientId() {
        return clientId;
    }

    /** @return the subscriber's client secret */
    public String clientSecret() {
        return clientSecret;
    }

    /** @return the services offered */
    public List<Service> services() {
        return services;
    }

    /** @return the metadata versions read */
    public List<String> metadataVersions() {
        return metadataVersions;
    }

    /** @return {@code active}, {@code inactive} or {@code archived} */
    public String status() {
        return status;
    }

    /** @return the callback URL for new submissions, may be {@code null} */
    public URI callbackUrl() {
        return callbackUrl;
    }

    /** @return the callback secret, may be {@code null} */
    public String callbackSecret() {
        return callbackSecret;
    }

    /** @return the root certificate destination keys chain to */
    public X509Certificate trustAnchor() {
        return trustAnchor;
    }

    /** @return the public encryption key as the service publishes it (JWK JSON with {@code x5c}) */
    public String encryptionJwk() {
        return publishedEncryptionKey != null ? publishedEncryptionKey
                : jwk(encryption, encryptionKid, KeyOperation.WRAP_KEY, JWEAlgorithm.RSA_OAEP_256).toJSONString();
    }

    /** @return the public signature key as the service publishes it (JWK JSON with {@code x5c}) */
    public String signingJwk() {
        return jwk(signing, signingKid, KeyOperation.VERIFY, JWSAlgorithm.PS512).toJSONString();
    }

    private static JWK jwk(IssuedCertificate cert, String kid, KeyOperation op, com.nimbusds.jose.Algorithm alg) {
        List<Base64> chain = new ArrayList<>();
        try {
            for (X509Certificate c : cert.chain()) {
                chain.add(Base64.encode(c.getEncoded()));
            }
        } catch (CertificateEncodingException e) {
            throw new SandboxException("cannot encode the certificate chain of key " + kid + ": " + e.getMessage(), e);
        }
        return new RSAKey.Builder((RSAPublicKey) cert.publicKey()).keyID(kid).keyOperations(java.util.Set.of(op))
                .algorithm(alg).x509CertChain(chain).build();
    }

    @Override
    public String toString() {
        return "TestDestination[" + destinationId + ", " + status + "]";
    }

    /** Builds a {@link TestDestination}. Not thread-safe. */
    public static final class Builder {
        private UUID destinationId = UUID.randomUUID();
        private final IssuedCertificate encryption;
        private final IssuedCertificate signing;
        private final X509Certificate trustAnchor;
        private String encryptionKid = "enc-" + UUID.randomUUID();
        private String signingKid = "sig-" + UUID.randomUUID();
        private String clientId = "subscriber-" + UUID.randomUUID();
        private String clientSecret = UUID.randomUUID().toString();
        private List<Service> services = List.of(new Service(DEFAULT_SERVICE, List.of(
                new Schema(DEFAULT_SCHEMA, "application/json"),
                new Schema("https://schema.example.org/ozgkit/antrag/1.0.0/antrag.xsd", "application/xml"))));
        private List<String> metadataVersions = List.of("1.0.0", "2.0.0");
        private String status = "active";
        private URI callbackUrl;
        private String callbackSecret;
        private String publishedEncryptionKey;

        private Builder(X509Certificate trustAnchor, IssuedCertificate encryption, IssuedCertificate signing) {
            this.trustAnchor = Objects.requireNonNull(trustAnchor, "trustAnchor");
            this.encryption = Objects.requireNonNull(encryption, "encryption");
            this.signing = Objects.requireNonNull(signing, "signing");
        }

        /**
         * @param id the destination id
         * @return this builder
         */
        public Builder destinationId(UUID id) {
            this.destinationId = id;
            return this;
        }

        /**
         * @param id     the subscriber's client id
         * @param secret its secret
         * @return this builder
         */
        public Builder client(String id, String secret) {
            this.clientId = id;
            this.clientSecret = secret;
            return this;
        }

        /**
         * @param encryption the encryption key's id
         * @param signing    the signature key's id
         * @return this builder
         */
        public Builder keyIds(String encryption, String signing) {
            this.encryptionKid = encryption;
            this.signingKid = signing;
            return this;
        }

        /**
         * @param services the services offered
         * @return this builder
         */
        public Builder services(List<Service> services) {
            this.services = services;
            return this;
        }

        /**
         * @param versions the metadata versions read, e.g. {@code 1.0.0}
         * @return this builder
         */
        public Builder metadataVersions(String... versions) {
            this.metadataVersions = List.of(versions);
            return this;
        }

        /**
         * @param status {@code active}, {@code inactive} or {@code archived}
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * @param url    where new submissions are announced
         * @param secret the HMAC secret of the callbacks
         * @return this builder
         */
        public Builder callback(URI url, String secret) {
            this.callbackUrl = url;
            this.callbackSecret = secret;
            return this;
        }

        /**
         * Publishes another JWK as the encryption key (to test how clients refuse bad keys).
         *
         * @param jwkJson the JWK JSON to publish under the encryption key id
         * @return this builder
         */
        public Builder publishedEncryptionKey(String jwkJson) {
            this.publishedEncryptionKey = jwkJson;
            return this;
        }

        /** @return the destination */
        public TestDestination build() {
            return new TestDestination(this);
        }
    }
}
