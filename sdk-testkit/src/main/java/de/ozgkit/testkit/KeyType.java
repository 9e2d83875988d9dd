package de.ozgkit.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;

/**
 * The kind of key pair a generated certificate gets, and the signature algorithm a CA of that kind
 * signs with.
 */
public enum KeyType {
    /** RSA with a 2048-bit modulus; CAs sign with SHA256withRSA. */
    RSA_2048("SHA256withRSA"),
    /** RSA with a 3072-bit modulus; CAs sign with SHA256withRSA. Slower to generate. */
    RSA_3072("SHA256withRSA"),
    /** RSA with a 4096-bit modulus (FIT-Connect's minimum); CAs sign with SHA256withRSA. Slow to generate. */
    RSA_4096("SHA256withRSA"),
    /** EC on NIST P-256 (secp256r1); CAs sign with SHA256withECDSA. */
    EC_P256("SHA256withECDSA"),
    /** EC on NIST P-384 (secp384r1); CAs sign with SHA384withECDSA. */
    EC_P384("SHA384withECDSA");

    private final String signatureAlgorithm;

    KeyType(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** @return the JCA name of the signature algorithm a CA with such a key uses */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /**
     * Generates a fresh key pair of this kind with the JDK's providers.
     *
     * @return the key pair
     * @throws IllegalStateException when the JDK lacks the algorithm (not expected on Java 17)
     */
    public KeyPair generate() {
        try {
            KeyPairGenerator g;
            switch (this) {
                case RSA_2048:
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048);
                    break;
                case RSA_3072:
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(3072);
                    break;
                case RSA_4096:
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(4096);
                    break;
                case EC_P256:
                    g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"));
                    break;
                case EC_P384:
                    g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp384r1"));
                    break;
                default:
                    throw new IllegalStateException("unknown key type " + this);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key pair: " + e.getMessage(), e);
        }
    }

    /**
     * Tells the signature algorithm for an existing key (public or private).
     *
     * @param key an RSA or EC key
     * @return the signature algorithm a CA holding this key uses
     */
    static String signatureAlgorithmFor(Key key) {
        if (key instanceof ECKey) {
            int bits = ((ECKey) key).getParams().getCurve().getField().getFieldSize();
            return bits > 256 ? EC_P384.signatureAlgorithm : EC_P256.signatureAlgorithm;
        }
        return RSA_2048.signatureAlgorithm;
    }
}
