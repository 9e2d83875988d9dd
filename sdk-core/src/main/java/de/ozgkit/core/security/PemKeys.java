package de.ozgkit.core.security;

import de.ozgkit.core.security.KeyMaterialException.Reason;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads one PEM private key block with Bouncy Castle: PKCS#8, encrypted PKCS#8, PKCS#1, SEC 1 and
 * OpenSSL's legacy encryption. With {@link BouncyCastle} the only classes of ozgkit core that need
 * Bouncy Castle; they are loaded only when a PEM private key is read (after
 * {@code KeyMaterial} checked that Bouncy Castle is there, since loading this class needs it), so
 * that core works without Bouncy Castle for everything else.
 */
final class PemKeys {

    private PemKeys() {
    }

    /**
     * Reads a private key block.
     *
     * @param block    the block, BEGIN and END lines included
     * @param password the password of an encrypted key, or {@code null}
     * @param source   names the input in messages
     * @param number   the block's position in the input (1-based), for messages
     * @return the key
     */
    static PrivateKey read(String block, char[] password, String source, int number) {
        Object o;
        try (PEMParser parser = new PEMParser(new StringReader(block))) {
            o = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw damaged(source, number, e);
        }
        if (o instanceof PrivateKeyInfo info) {
            return toKey(info, source);
        } else if (o instanceof PEMKeyPair pair) {
            return toKey(pair.getPrivateKeyInfo(), source);
        } else if (o instanceof PKCS8EncryptedPrivateKeyInfo info) {
            return decrypt(info, password, source);
        } else if (o instanceof PEMEncryptedKeyPair pair) {
            return decrypt(pair, password, source);
        }
        throw damaged(source, number, null);
    }

    private static KeyMaterialException damaged(String source, int number, Throwable cause) {
        return new KeyMaterialException(Reason.WRONG_FORMAT, source + " is damaged PEM (block " + number
                + " cannot be read: bad Base64, truncated or a missing END line); copy it again from its origin", cause);
    }

    private static PrivateKey toKey(PrivateKeyInfo info, String source) {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException | RuntimeException jdkFailed) {
            // the JDK lacks some curves (e.g. brainpool, used in German public-sector PKIs)
            try {
                return new JcaPEMKeyConverter().setProvider(BouncyCastle.provider()).getPrivateKey(info);
            } catch (PEMException | RuntimeException e) {
                throw new KeyMaterialException(Reason.UNSUPPORTED_ALGORITHM, "the private key in " + source
                        + " uses an algorithm that cannot be read (" + info.getPrivateKeyAlgorithm().getAlgorithm().getId()
                        + "); use an RSA or EC key", e);
            }
        }
    }

    private static PrivateKey decrypt(PKCS8EncryptedPrivateKeyInfo info, char[] password, String source) {
        requirePassword(password, source);
        PrivateKeyInfo plain;
        try {
            plain = info.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.provider()).build(password));
        } catch (OperatorCreationException e) {
            throw new KeyMaterialException(Reason.UNSUPPORTED_ALGORITHM, "the private key in " + source
                    + " is encrypted with an unsupported scheme; re-encrypt it: openssl pkcs8 -topk8 -v2 aes-256-cbc", e);
        } catch (PKCSException | RuntimeException e) {
            throw wrongKeyPassword(source);
        }
        return toKey(plain, source);
    }

    private static PrivateKey decrypt(PEMEncryptedKeyPair pair, char[] password, String source) {
        requirePassword(password, source);
        PEMKeyPair plain;
        try {
            plain = pair.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BouncyCastle.provider()).build(password));
        } catch (IOException | RuntimeException e) {
            throw wrongKeyPassword(source);
        }
        return toKey(plain.getPrivateKeyInfo(), source);
    }

    private static void requirePassword(char[] password, String source) {
        if (password == null) {
            throw new KeyMaterialException(Reason.PASSWORD_REQUIRED, "the private key in " + source
                    + " is encrypted; pass its password", null);
        }
    }

    private static KeyMaterialException wrongKeyPassword(String source) {
        return new KeyMaterialException(Reason.WRONG_PASSWORD, "the password does not decrypt the private key in "
                + source + "; check the password (it is case-sensitive)", null);
    }
}
