package de.ozgkit.core.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * A private key with its certificate and the chain of CA certificates above it: what a client
 * presents for mutual TLS or uses to sign. Load one with {@link KeyMaterial}.
 *
 * <p>Creating an identity checks that the key belongs to the certificate (by signing a probe with
 * the key and verifying it with the certificate's public key).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the key.
 */
public final class Identity {

    private static final char[] IN_MEMORY_PASSWORD = "ozgkit-identity".toCharArray();
    private static final byte[] PROBE = "ozgkit key/certificate match probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final String alias;

    private Identity(PrivateKey privateKey, List<X509Certificate> chain, String alias) {
        this.privateKey = privateKey;
        this.chain = chain;
        this.alias = alias;
    }

    /**
     * Combines a key with its certificate chain.
     *
     * @param privateKey the private key
     * @param chain      the certificate chain, end-entity certificate first, then its issuers
     * @return the identity
     * @throws KeyMaterialException with {@code MISSING_CERTIFICATE} for an empty chain,
     *                              {@code KEY_CERT_MISMATCH} when the key does not belong to the first certificate
     */
    public static Identity of(PrivateKey privateKey, List<X509Certificate> chain) {
        return of(privateKey, chain, "identity");
    }

    static Identity of(PrivateKey privateKey, List<X509Certificate> chain, String alias) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new KeyMaterialException(KeyMaterialException.Reason.MISSING_CERTIFICATE,
                    "the private key has no certificate; supply the certificate (and its CA chain) with the key", null);
        }
        List<X509Certificate> copy = List.copyOf(chain);
        checkMatch(privateKey, copy.get(0).getPublicKey());
        return new Identity(privateKey, copy, alias);
    }

    /** @return the private key */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return the end-entity certificate that belongs to the key */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** @return the certificate chain, end-entity first, then the issuing CAs as far as they were supplied */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** @return the name of the key entry this identity came from (the PKCS#12 alias), or a generic name */
    public String alias() {
        return alias;
    }

    /**
     * An in-memory PKCS#12 key store holding this identity as its only key entry.
     *
     * @param password password for the key entry (and the store)
     * @return a new key store
     */
    public KeyStore toKeyStore(char[] password) {
        Objects.requireNonNull(password, "password");
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, privateKey, password, chain.toArray(new X509Certificate[0]));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyMaterialException(KeyMaterialException.Reason.UNSUPPORTED_ALGORITHM, "cannot build an in-memory"
                    + " PKCS#12 key store: " + e.getMessage(), e);
        }
    }

    /**
     * A key manager that presents this identity, e.g. for an {@code SSLContext}.
     *
     * @return the key manager
     */
    public X509KeyManager keyManager() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(toKeyStore(IN_MEMORY_PASSWORD), IN_MEMORY_PASSWORD);
            for (KeyManager km : kmf.getKeyManagers()) {
                if (km instanceof X509KeyManager) {
                    return (X509KeyManager) km;
                }
            }
            throw new KeyMaterialException(KeyMaterialException.Reason.UNSUPPORTED_ALGORITHM,
                    "the JDK's key manager factory made no X509KeyManager", null);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(KeyMaterialException.Reason.UNSUPPORTED_ALGORITHM, "cannot build a key manager: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        X509Certificate c = certificate();
        return "Identity[alias=" + alias + ", key=" + privateKey.getAlgorithm() + ", serial="
                + c.getSerialNumber().toString(16) + ", chainLength=" + chain.size() + "]";
    }

    private static void checkMatch(PrivateKey key, PublicKey publicKey) {
        String keyAlg = family(key.getAlgorithm());
        String certAlg = family(publicKey.getAlgorithm());
        if (!keyAlg.equals(certAlg)) {
            throw mismatch("the private key is " + keyAlg + " but the certificate holds a " + certAlg + " key");
        }
        String sigAlg;
        switch (keyAlg) {
            case "RSA": sigAlg = "SHA256withRSA"; break;
            case "EC": sigAlg = "SHA256withECDSA"; break;
            case "DSA": sigAlg = "SHA256withDSA"; break;
            case "RSASSA-PSS": sigAlg = "RSASSA-PSS"; break;
            default: sigAlg = keyAlg; // EdDSA, Ed25519, Ed448 name their own signature algorithm
        }
        try {
            Signature s = Signature.getInstance(sigAlg);
            if (sigAlg.equals("RSASSA-PSS")) {
                s.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            s.initSign(key);
            s.update(PROBE);
            byte[] sig = s.sign();
            s.initVerify(publicKey);
            s.update(PROBE);
            if (!s.verify(sig)) {
                throw mismatch("the private key does not belong to the certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(KeyMaterialException.Reason.UNSUPPORTED_ALGORITHM,
                    "cannot check that the " + keyAlg + " key belongs to the certificate: " + e.getMessage(), e);
        }
    }

    private static String family(String algorithm) {
        return "ECDSA".equals(algorithm) ? "EC" : algorithm;
    }

    private static KeyMaterialException mismatch(String what) {
        return new KeyMaterialException(KeyMaterialException.Reason.KEY_CERT_MISMATCH, what
                + "; pair the key with the certificate that was issued for it (compare the public keys with"
                + " 'openssl x509 -noout -pubkey' and 'openssl pkey -pubout')", null);
    }
}
