package de.ozgkit.messaging;

import de.ozgkit.core.security.Identity;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Unwraps content keys for one cipher certificate: RSA-OAEP with SHA-256 and MGF1-SHA-256, the key
 * transport of OSCI 1.2 today. Implement it to decrypt with a smart card or an HSM (PKCS#11); use
 * {@link #of(Identity)} for a software key.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Decrypter {

    /** @return the cipher certificate whose private key this decrypter holds */
    X509Certificate certificate();

    /**
     * Decrypts a wrapped symmetric key (RSAES-OAEP, SHA-256, MGF1-SHA-256, empty label).
     *
     * @param wrappedKey the encrypted key as sent in {@code xenc:EncryptedKey}
     * @return the symmetric key bytes
     * @throws OsciException of check {@link OsciCheck#CONTENT_DECRYPTION} when the key cannot be
     *                       unwrapped (wrong key or damaged data)
     */
    byte[] unwrapKey(byte[] wrappedKey);

    /**
     * A decrypter for a software key.
     *
     * @param identity a key and its certificate
     * @return the decrypter
     */
    static Decrypter of(Identity identity) {
        return of(identity.privateKey(), identity.certificate());
    }

    /**
     * A decrypter for a software key.
     *
     * @param key         the private key
     * @param certificate its certificate
     * @return the decrypter
     */
    static Decrypter of(PrivateKey key, X509Certificate certificate) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        return new Decrypter() {
            @Override
            public X509Certificate certificate() {
                return certificate;
            }

            @Override
            public byte[] unwrapKey(byte[] wrappedKey) {
                try {
                    Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
                    c.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                            PSource.PSpecified.DEFAULT));
                    return c.doFinal(wrappedKey);
                } catch (GeneralSecurityException e) {
                    throw new OsciException(OsciCheck.CONTENT_DECRYPTION, "the wrapped key cannot be decrypted with the key of "
                            + certificate.getSubjectX500Principal().getName()
                            + "; the data was encrypted for another certificate or was damaged", e);
                }
            }

            @Override
            public String toString() {
                return "Decrypter[" + certificate.getSubjectX500Principal().getName() + "]";
            }
        };
    }
}
