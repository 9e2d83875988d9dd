package de.ozgkit.core;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * TLS settings of a client: which server certificates to trust, an optional client certificate for
 * mutual TLS, hostname verification and protocol versions.
 *
 * <p>Without a trust store the JDK's default trust anchors apply. Hostname verification is on by
 * default; switching it off is meant for tests against generated certificates only.
 *
 * <pre>{@code
 * TlsConfig tls = TlsConfig.builder()
 *         .trustCertificates(KeyMaterial.certificates(Path.of("provider-ca.pem")))
 *         .clientPkcs12(Path.of("client.p12"), password)     // mutual TLS
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; key stores handed in must not be changed afterwards.
 */
public final class TlsConfig {

    private final KeyStore trustStore;
    private final KeyStore clientKeyStore;
    private final char[] clientKeyPassword;
    private final boolean hostnameVerification;
    private final List<String> protocols;

    private TlsConfig(Builder b) {
        this.trustStore = b.trustStore;
        this.clientKeyStore = b.clientKeyStore;
        this.clientKeyPassword = b.clientKeyPassword == null ? null : b.clientKeyPassword.clone();
        this.hostnameVerification = b.hostnameVerification;
        this.protocols = List.copyOf(b.protocols);
    }

    /** @return a builder with JDK trust anchors, no client certificate, hostname verification on, TLS 1.3 and 1.2 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the trust store, empty when the JDK's default trust anchors apply */
    public Optional<KeyStore> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /** @return whether a client certificate is configured (mutual TLS) */
    public boolean hasClientCertificate() {
        return clientKeyStore != null;
    }

    /** @return whether the server's certificate must match the host name */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /** @return the enabled protocol versions, e.g. {@code [TLSv1.3, TLSv1.2]} */
    public List<String> protocols() {
        return protocols;
    }

    /**
     * Builds an {@link SSLContext} from these settings.
     *
     * @return a new context
     * @throws OzgClientException of kind {@code CONFIGURATION} when the key material is unusable
     */
    public SSLContext createSslContext() {
        return createSslContext(null);
    }

    /**
     * Builds an {@link SSLContext} from these settings and reports every server request for a client
     * certificate to a listener (also when no client certificate is configured). The transport uses
     * this to tell a refused client certificate from a broken connection: with TLS 1.3 a server that
     * refuses the client certificate often just closes the connection after the handshake.
     *
     * @param onClientCertificateRequested called on the handshaking thread whenever a server asks for a
     *                                     client certificate; {@code null} for none
     * @return a new context
     * @throws OzgClientException of kind {@code CONFIGURATION} when the key material is unusable
     */
    public SSLContext createSslContext(Runnable onClientCertificateRequested) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            X509ExtendedKeyManager keyManager = null;
            if (clientKeyStore != null) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(clientKeyStore, clientKeyPassword);
                for (KeyManager km : kmf.getKeyManagers()) {
                    if (km instanceof X509ExtendedKeyManager) {
                        keyManager = (X509ExtendedKeyManager) km;
                        break;
                    }
                }
            }
            KeyManager[] keyManagers = null;
            if (onClientCertificateRequested != null) {
                keyManagers = new KeyManager[] {new ClientCertificateRequestListener(keyManager, onClientCertificateRequested)};
            } else if (keyManager != null) {
                keyManagers = new KeyManager[] {keyManager};
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers, tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (java.security.UnrecoverableKeyException e) {
            throw OzgClientException.configuration("the client key cannot be read with the given password;"
                    + " check the PKCS#12 password");
        } catch (GeneralSecurityException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                    "TLS settings are unusable: " + e.getMessage(), e, 0);
        }
    }

    /** Delegates to the configured key manager (or presents nothing) and reports client certificate requests. */
    private static final class ClientCertificateRequestListener extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;
        private final Runnable listener;

        ClientCertificateRequestListener(X509ExtendedKeyManager delegate, Runnable listener) {
            this.delegate = delegate;
            this.listener = listener;
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            listener.run();
            return delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers, javax.net.ssl.SSLEngine engine) {
            listener.run();
            return delegate == null ? null : delegate.chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate == null ? null : delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate == null ? null : delegate.getPrivateKey(alias);
        }
    }

    @Override
    public String toString() {
        return "TlsConfig[trustStore=" + (trustStore == null ? "JDK default" : "custom")
                + ", clientCertificate=" + hasClientCertificate() + ", hostnameVerification=" + hostnameVerification
                + ", protocols=" + protocols + "]";
    }

    /** Builds a {@link TlsConfig}. Not thread-safe. */
    public static final class Builder {
        private KeyStore trustStore;
        private KeyStore clientKeyStore;
        private char[] clientKeyPassword;
        private boolean hostnameVerification = true;
        private List<String> protocols = List.of("TLSv1.3", "TLSv1.2");

        private Builder() {
        }

        /**
         * Trusts exactly these certificates (typically CA certificates) instead of the JDK defaults.
         *
         * @param certificates the trust anchors
         * @return this builder
         */
        public Builder trustCertificates(X509Certificate... certificates) {
            return trustCertificates(Arrays.asList(certificates));
        }

        /**
         * Trusts exactly these certificates instead of the JDK defaults.
         *
         * @param certificates the trust anchors
         * @return this builder
         */
        public Builder trustCertificates(List<X509Certificate> certificates) {
            if (certificates.isEmpty()) {
                throw OzgClientException.configuration("at least one trusted certificate is needed");
            }
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                int i = 0;
                for (X509Certificate c : certificates) {
                    ks.setCertificateEntry("trusted-" + i++, Objects.requireNonNull(c, "certificate"));
                }
                this.trustStore = ks;
                return this;
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "cannot create an in-memory trust store: "
                        + e.getMessage(), e, 0);
            }
        }

        /**
         * Trusts the certificates of this key store instead of the JDK defaults.
         *
         * @param trustStore the trust store
         * @return this builder
         */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
            return this;
        }

        /**
         * Presents the key entry of this key store as client certificate (mutual TLS).
         *
         * @param keyStore a key store with one private key entry and its chain, e.g. a loaded PKCS#12
         * @param password the key's password
         * @return this builder
         */
        public Builder clientKeyStore(KeyStore keyStore, char[] password) {
            this.clientKeyStore = Objects.requireNonNull(keyStore, "keyStore");
            this.clientKeyPassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /**
         * Presents this key and chain as client certificate (mutual TLS).
         *
         * @param key   the private key
         * @param chain the certificate chain, end-entity first
         * @return this builder
         */
        public Builder clientCertificate(PrivateKey key, X509Certificate... chain) {
            Objects.requireNonNull(key, "key");
            if (chain.length == 0) {
                throw OzgClientException.configuration("the client certificate chain must not be empty");
            }
            try {
                char[] pw = "ozgkit-in-memory".toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("client", key, pw, chain);
                return clientKeyStore(ks, pw);
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "the client key and certificate cannot be"
                        + " combined: " + e.getMessage(), e, 0);
            }
        }

        /**
         * Presents this identity as client certificate (mutual TLS).
         *
         * @param identity key and chain, e.g. from {@link de.ozgkit.core.security.KeyMaterial}
         * @return this builder
         */
        public Builder clientIdentity(de.ozgkit.core.security.Identity identity) {
            Objects.requireNonNull(identity, "identity");
            List<X509Certificate> chain = identity.chain();
            return clientCertificate(identity.privateKey(), chain.toArray(new X509Certificate[0]));
        }

        /**
         * Presents the private key and certificate of a PKCS#12 file as client certificate (mutual
         * TLS). The file is read and checked now, so a wrong password or a file without a key fails
         * here with a {@link de.ozgkit.core.security.KeyMaterialException} rather than at the first
         * request.
         *
         * @param file     the {@code .p12}/{@code .pfx} file holding exactly one private key
         * @param password its password
         * @return this builder
         * @throws de.ozgkit.core.security.KeyMaterialException when the file cannot be used, with the reason
         */
        public Builder clientPkcs12(java.nio.file.Path file, char[] password) {
            return clientIdentity(de.ozgkit.core.security.KeyMaterial.pkcs12(file, password));
        }

        /**
         * Switches hostname verification on or off. Off is for tests with generated certificates only.
         *
         * @param enabled whether to verify
         * @return this builder
         */
        public Builder hostnameVerification(boolean enabled) {
            this.hostnameVerification = enabled;
            return this;
        }

        /**
         * Sets the enabled protocol versions.
         *
         * @param versions e.g. {@code "TLSv1.3"}
         * @return this builder
         */
        public Builder protocols(String... versions) {
            List<String> list = new ArrayList<>(Arrays.asList(versions));
            for (String v : list) {
                if (!v.equals("TLSv1.3") && !v.equals("TLSv1.2")) {
                    throw OzgClientException.configuration("only TLSv1.3 and TLSv1.2 are allowed, was " + v);
                }
            }
            if (list.isEmpty()) {
                throw OzgClientException.configuration("at least one protocol version is needed");
            }
            this.protocols = list;
            return this;
        }

        /** @return the settings */
        public TlsConfig build() {
            return new TlsConfig(this);
        }
    }
}
