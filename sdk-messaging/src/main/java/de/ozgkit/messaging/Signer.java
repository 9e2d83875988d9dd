package de.ozgkit.messaging;

import de.ozgkit.core.security.Identity;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Creates signatures for one signature certificate: the originator's message signature and the
 * authors' content signatures. Implement it to sign with a smart card or an HSM (PKCS#11); use
 * {@link #of(Identity)} for a software key from PKCS#12 or PEM.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Signer {

    /** @return the signature certificate that verifies this signer's signatures */
    X509Certificate certificate();

    /** @return the algorithm this signer signs with; RSA-SHA256 unless overridden */
    default SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.RSA_SHA256;
    }

    /**
     * Signs the data (the canonical {@code SignedInfo} of an XML signature).
     *
     * @param data      the bytes to sign
     * @param algorithm the algorithm, the one of {@link #algorithm()}
     * @return the signature value
     * @throws OsciException when the key cannot sign
     */
    byte[] sign(byte[] data, SignatureAlgorithm algorithm);

    /**
     * A signer for a software key.
     *
     * @param identity a key and its certificate, e.g. from {@link de.ozgkit.core.security.KeyMaterial#pkcs12}
     * @return the signer, RSA-SHA256
     */
    static Signer of(Identity identity) {
        return of(identity.privateKey(), identity.certificate(), SignatureAlgorithm.RSA_SHA256);
    }

    /**
     * A signer for a software key with a chosen algorithm.
     *
     * @param key         the private key
     * @param certificate its certificate
     * @param algorithm   the signature algorithm
     * @return the signer
     */
    static Signer of(PrivateKey key, X509Certificate certificate, SignatureAlgorithm algorithm) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(algorithm, "algorithm");
        return new Signer() {
            @Override
            public X509Certificate certificate() {
                return certificate;
            }

            @Override
            public SignatureAlgorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] sign(byte[] data, SignatureAlgorithm alg) {
                try {
                    Signature s = Signature.getInstance(alg.jcaName());
                    if (alg.parameters().isPresent()) {
                        s.setParameter(alg.parameters().get());
                    }
                    s.initSign(key);
                    s.update(data);
                    return s.sign();
                } catch (GeneralSecurityException e) {
                    throw new OsciException(OsciCheck.ALGORITHM, "the key of " + certificate.getSubjectX500Principal().getName()
                            + " cannot sign with " + alg + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String toString() {
                return "Signer[" + certificate.getSubjectX500Principal().getName() + ", " + algorithm + "]";
            }
        };
    }
}
