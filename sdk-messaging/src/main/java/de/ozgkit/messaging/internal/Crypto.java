package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.UnsupportedAlgorithmException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The symmetric and asymmetric primitives of OSCI 1.2 as the OSCI library uses them today:
 * AES-256-GCM with a 12-byte IV and a 16-byte tag, written as {@code IV || ciphertext || tag};
 * RSA-OAEP with SHA-256 and MGF1-SHA-256 for the key transport; SHA-256 digests.
 *
 * <p>Refused on sending and receiving (each with an error naming the algorithm): 3DES, AES-CBC,
 * SHA-1, RSA keys under 2048 bits. AES-CBC can be read only where a caller explicitly allows
 * legacy content.
 */
public final class Crypto {

    /** IV length of AES-GCM. */
    public static final int IV_LENGTH = 12;
    /** Tag length of AES-GCM in bytes. */
    public static final int TAG_LENGTH = 16;
    /** Key length of AES-256. */
    public static final int KEY_LENGTH = 32;
    /** The smallest RSA modulus accepted. */
    public static final int MIN_RSA_BITS = 2048;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    /** @return a fresh AES-256 key */
    public static byte[] newKey() {
        byte[] k = new byte[KEY_LENGTH];
        RANDOM.nextBytes(k);
        return k;
    }

    /**
     * @param n number of bytes
     * @return fresh random bytes
     */
    public static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /**
     * A stream that encrypts with AES-256-GCM: writes a fresh IV, then the ciphertext, and on close
     * the tag. Closing it closes {@code out}.
     *
     * @param out the target
     * @param key the AES-256 key
     * @return the encrypting stream
     */
    public static OutputStream encrypting(OutputStream out, byte[] key) {
        return encrypting(out, key, random(IV_LENGTH));
    }

    /**
     * A stream that encrypts with AES-256-GCM under a given IV (which must never be used again with
     * this key for other data): writes the IV, then the ciphertext, and on close the tag. Closing it
     * closes {@code out}.
     *
     * @param out the target
     * @param key the AES-256 key
     * @param iv  the 12-byte IV
     * @return the encrypting stream
     */
    public static OutputStream encrypting(OutputStream out, byte[] key, byte[] iv) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, iv));
            out.write(iv);
            return new FilterOutputStream(out) {
                private final byte[] one = new byte[1];
                /** Ciphertext of one piece of up to 64 KiB (GCM may add up to a block held back before). */
                private final byte[] sealed = new byte[(1 << 16) + 2 * TAG_LENGTH];
                private boolean closed;

                @Override
                public void write(int b) throws IOException {
                    one[0] = (byte) b;
                    write(one, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    while (len > 0) {
                        int n = Math.min(len, 1 << 16);
                        int m;
                        try {
                            m = c.update(b, off, n, sealed, 0);
                        } catch (GeneralSecurityException e) {
                            throw new IOException(e);
                        }
                        if (m > 0) {
                            out.write(sealed, 0, m);
                        }
                        off += n;
                        len -= n;
                    }
                }

                @Override
                public void close() throws IOException {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    try {
                        out.write(c.doFinal());
                    } catch (GeneralSecurityException e) {
                        throw new IOException(e);
                    }
                    out.close();
                }
            };
        } catch (GeneralSecurityException | IOException e) {
            throw new de.ozgkit.core.OzgClientException(de.ozgkit.core.OzgClientException.Kind.CONFIGURATION, "AES-256-GCM is not available in this Java runtime: " + e, e, 0);
        }
    }

    /**
     * Encrypts bytes with AES-256-GCM.
     *
     * @param plain the plaintext
     * @param key   the key
     * @return IV, ciphertext and tag
     */
    public static byte[] encrypt(byte[] plain, byte[] key) {
        try {
            byte[] iv = random(IV_LENGTH);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, iv));
            byte[] out = new byte[IV_LENGTH + c.getOutputSize(plain.length)];
            System.arraycopy(iv, 0, out, 0, IV_LENGTH);
            c.doFinal(plain, 0, plain.length, out, IV_LENGTH);
            return out;
        } catch (GeneralSecurityException e) {
            throw new de.ozgkit.core.OzgClientException(de.ozgkit.core.OzgClientException.Kind.CONFIGURATION, "AES-256-GCM is not available in this Java runtime: " + e, e, 0);
        }
    }

    /**
     * Decrypts AES-GCM data ({@code IV || ciphertext || tag}) while streaming, in constant memory (the
     * JDK's GCM cipher would hold the whole ciphertext until the tag). Plaintext is written to
     * {@code out} as it is decrypted, before the tag has been checked: {@code out} must be a private
     * buffer (a {@link Spool}) that the caller hands on only when this method returns and discards
     * when it throws.
     *
     * <p>With the usual 12-byte IV the JDK's AES (hardware-accelerated) does the work: AES-CTR from
     * the GCM counter {@code IV || 2} gives the plaintext, and GCM encryption of that plaintext
     * under the same key and IV, which is deterministic, recomputes the ciphertext's tag, compared
     * in constant time with the received one. Other IV lengths go through Bouncy Castle's GCM.
     *
     * @param in    the encrypted data, read to its end
     * @param key   the key
     * @param ivLength the IV length (12 by default; 16 for old senders)
     * @param out   the private buffer that receives the plaintext; valid only when this method returns
     * @param what  what is decrypted, for messages
     * @param check the check to report on failure
     * @throws OsciException of the given check when the data is not authentic or cannot be read
     */
    public static void decrypt(InputStream in, byte[] key, int ivLength, OutputStream out, String what, OsciCheck check) {
        try {
            byte[] iv = in.readNBytes(ivLength);
            if (iv.length != ivLength) {
                throw new OsciException(check, what + " is shorter than its IV");
            }
            if (key.length != 16 && key.length != 24 && key.length != KEY_LENGTH) {
                throw new OsciException(check, what + " cannot be decrypted: the key has " + key.length + " bytes");
            }
            if (ivLength == IV_LENGTH) {
                decryptCtr(in, key, iv, out, what, check);
            } else {
                decryptBc(in, key, iv, out, what, check);
            }
        } catch (IOException e) {
            throw new OsciException(check, what + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The largest ciphertext of one key and 12-byte IV: 2^32 - 2 blocks (the GCM counter is 32 bits). */
    private static final long MAX_GCM_BYTES = ((1L << 32) - 2) * 16;

    private static void decryptCtr(InputStream in, byte[] key, byte[] iv, OutputStream out, String what, OsciCheck check)
            throws IOException {
        try {
            SecretKeySpec k = new SecretKeySpec(key, "AES");
            byte[] counter = Arrays.copyOf(iv, 16);
            counter[15] = 2;
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.DECRYPT_MODE, k, new javax.crypto.spec.IvParameterSpec(counter));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            byte[] buf = new byte[65536 + TAG_LENGTH];
            byte[] plain = new byte[buf.length];
            byte[] pending = new byte[buf.length];
            int pendingLength = 0;
            byte[] again = new byte[buf.length + TAG_LENGTH];
            int held = 0;
            long total = 0;
            int n;
            while ((n = in.read(buf, held, buf.length - held)) > 0) {
                held += n;
                if (held <= TAG_LENGTH) {
                    continue;
                }
                // the last TAG_LENGTH bytes may be the tag: keep them back
                int data = held - TAG_LENGTH;
                total += data;
                if (total > MAX_GCM_BYTES) {
                    throw new OsciException(check, what + " is longer than AES-GCM allows for one key and IV");
                }
                int m = ctr.update(buf, 0, data, plain, 0);
                gcm.update(plain, 0, m, again, 0);
                // the latest piece is held back until more follows, so that a short text never
                // reaches out before its tag is checked
                out.write(pending, 0, pendingLength);
                byte[] swap = pending;
                pending = plain;
                plain = swap;
                pendingLength = m;
                System.arraycopy(buf, data, buf, 0, TAG_LENGTH);
                held = TAG_LENGTH;
            }
            if (held < TAG_LENGTH) {
                throw new OsciException(check, what + " is shorter than its authentication tag");
            }
            byte[] last = ctr.doFinal();
            byte[] tail = gcm.doFinal(last);
            byte[] tag = Arrays.copyOfRange(tail, tail.length - TAG_LENGTH, tail.length);
            if (!MessageDigest.isEqual(tag, Arrays.copyOf(buf, TAG_LENGTH))) {
                throw new OsciException(check, what + " failed its AES-GCM authentication: the key, IV or ciphertext"
                        + " was changed or it was encrypted for someone else");
            }
            out.write(pending, 0, pendingLength);
            out.write(last);
        } catch (GeneralSecurityException e) {
            throw new OsciException(check, what + " cannot be decrypted: " + e.getMessage(), e);
        }
    }

    private static void decryptBc(InputStream in, byte[] key, byte[] iv, OutputStream out, String what, OsciCheck check)
            throws IOException {
        try {
            GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
            gcm.init(false, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, iv));
            byte[] buf = new byte[65536];
            byte[] plain = new byte[buf.length + 2 * TAG_LENGTH];
            int n;
            long total = 0;
            while ((n = in.read(buf)) > 0) {
                total += n;
                int m = gcm.processBytes(buf, 0, n, plain, 0);
                if (m > 0) {
                    out.write(plain, 0, m);
                }
            }
            if (total < TAG_LENGTH) {
                throw new OsciException(check, what + " is shorter than its authentication tag");
            }
            int m = gcm.doFinal(plain, 0);
            if (m > 0) {
                out.write(plain, 0, m);
            }
        } catch (InvalidCipherTextException e) {
            throw new OsciException(check, what + " failed its AES-GCM authentication: the key, IV or ciphertext"
                    + " was changed or it was encrypted for someone else", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new OsciException(check, what + " cannot be decrypted: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts legacy AES-CBC content (XML Encryption 1.0: 16-byte IV prefix, ISO 10126 padding).
     * Only reached when a caller explicitly allowed legacy content.
     *
     * @param in   the data
     * @param key  the key
     * @param out  receives the plaintext
     * @param what what is decrypted, for messages
     */
    public static void decryptCbc(InputStream in, byte[] key, OutputStream out, String what) {
        try {
            byte[] iv = in.readNBytes(16);
            Cipher c = Cipher.getInstance("AES/CBC/ISO10126Padding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new javax.crypto.spec.IvParameterSpec(iv));
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                byte[] o = c.update(buf, 0, n);
                if (o != null) {
                    out.write(o);
                }
            }
            out.write(c.doFinal());
        } catch (GeneralSecurityException | IOException e) {
            throw new OsciException(OsciCheck.CONTENT_DECRYPTION, what + " cannot be decrypted with AES-CBC: " + e.getMessage(), e);
        }
    }

    /**
     * Wraps a symmetric key for a cipher certificate with RSA-OAEP (SHA-256, MGF1-SHA-256).
     *
     * @param key         the symmetric key
     * @param certificate the recipient's cipher certificate
     * @return the wrapped key
     * @throws UnsupportedAlgorithmException for a non-RSA key or an RSA key under 2048 bits
     */
    public static byte[] wrapKey(byte[] key, X509Certificate certificate) {
        requireStrongKey(certificate, "cipher certificate");
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.ENCRYPT_MODE, certificate.getPublicKey(), new OAEPParameterSpec("SHA-256", "MGF1",
                    MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            return c.doFinal(key);
        } catch (GeneralSecurityException e) {
            throw new OsciException(OsciCheck.ALGORITHM, "cannot encrypt for " + certificate.getSubjectX500Principal().getName()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses keys that OSCI must not use any more.
     *
     * @param certificate the certificate
     * @param role        its role, for the message
     * @throws UnsupportedAlgorithmException for a non-RSA key or an RSA key under 2048 bits
     */
    public static void requireStrongKey(X509Certificate certificate, String role) {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)) {
            throw new UnsupportedAlgorithmException(certificate.getPublicKey().getAlgorithm(), "the " + role + " of "
                    + certificate.getSubjectX500Principal().getName() + " has a " + certificate.getPublicKey().getAlgorithm()
                    + " key; OSCI encryption needs RSA");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new UnsupportedAlgorithmException("RSA-" + bits, "the " + role + " of "
                    + certificate.getSubjectX500Principal().getName() + " has an RSA key of " + bits
                    + " bits; at least " + MIN_RSA_BITS + " bits are required");
        }
    }

    /**
     * Checks the symmetric algorithm of received encrypted data.
     *
     * @param uri         the EncryptionMethod algorithm
     * @param allowLegacy whether AES-CBC may be read
     * @throws UnsupportedAlgorithmException when refused
     */
    public static void requireSymmetric(String uri, boolean allowLegacy) {
        if (OsciXml.AES256_GCM.equals(uri) || "http://www.w3.org/2009/xmlenc11#aes128-gcm".equals(uri)
                || "http://www.w3.org/2009/xmlenc11#aes192-gcm".equals(uri)) {
            return;
        }
        if (uri != null && uri.endsWith("-cbc") && uri.contains("aes") && allowLegacy) {
            return;
        }
        if (uri != null && uri.contains("tripledes")) {
            throw new UnsupportedAlgorithmException(uri, "3DES (" + uri + ") is refused; the sender must use AES-256-GCM");
        }
        if (uri != null && uri.endsWith("-cbc")) {
            throw new UnsupportedAlgorithmException(uri, "AES-CBC (" + uri + ") is refused because it is not"
                    + " authenticated; the sender must use AES-256-GCM, or the reader must allow legacy content explicitly");
        }
        throw new UnsupportedAlgorithmException(String.valueOf(uri), "the encryption algorithm " + uri
                + " is not supported; the sender must use AES-256-GCM");
    }

    /**
     * Checks the key transport of received encrypted data.
     *
     * @param uri    the EncryptedKey's EncryptionMethod algorithm
     * @param mgf    its MGF algorithm, may be {@code null}
     * @param digest its digest algorithm, may be {@code null}
     * @throws UnsupportedAlgorithmException when refused
     */
    public static void requireKeyTransport(String uri, String mgf, String digest) {
        if (!OsciXml.RSA_OAEP.equals(uri)) {
            throw new UnsupportedAlgorithmException(String.valueOf(uri), "the key transport " + uri
                    + " is refused; the sender must use RSA-OAEP (" + OsciXml.RSA_OAEP + ") with SHA-256");
        }
        if (!OsciXml.MGF1_SHA256.equals(mgf)) {
            throw new UnsupportedAlgorithmException(String.valueOf(mgf), "RSA-OAEP with the mask generation function "
                    + (mgf == null ? "MGF1-SHA1 (the default)" : mgf) + " is refused; the sender must use " + OsciXml.MGF1_SHA256);
        }
        if (!OsciXml.SHA256.equals(digest)) {
            throw new UnsupportedAlgorithmException(String.valueOf(digest), "RSA-OAEP with the digest "
                    + (digest == null ? "SHA-1 (the default)" : digest) + " is refused; the sender must use SHA-256");
        }
    }

    /**
     * @param uri a digest algorithm URI
     * @return the JCA digest for it
     * @throws UnsupportedAlgorithmException for SHA-1 and unknown digests
     */
    public static MessageDigest digest(String uri) {
        String jca = switch (uri == null ? "" : uri) {
            case OsciXml.SHA256 -> "SHA-256";
            case OsciXml.SHA512 -> "SHA-512";
            case "http://www.w3.org/2001/04/xmldsig-more#sha384" -> "SHA-384";
            case "http://www.w3.org/2007/05/xmldsig-more#sha3-256" -> "SHA3-256";
            case "http://www.w3.org/2007/05/xmldsig-more#sha3-384" -> "SHA3-384";
            case "http://www.w3.org/2007/05/xmldsig-more#sha3-512" -> "SHA3-512";
            default -> null;
        };
        if (jca == null) {
            if (OsciXml.SHA1.equals(uri)) {
                throw new UnsupportedAlgorithmException(uri, "the digest SHA-1 (" + uri + ") is refused; use SHA-256 or better");
            }
            throw new UnsupportedAlgorithmException(String.valueOf(uri), "the digest algorithm " + uri + " is not supported");
        }
        try {
            return MessageDigest.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new de.ozgkit.core.OzgClientException(de.ozgkit.core.OzgClientException.Kind.CONFIGURATION, jca + " is not available in this Java runtime", e, 0);
        }
    }

    /** @return a fresh SHA-256 digest */
    public static MessageDigest sha256() {
        return digest(OsciXml.SHA256);
    }
}
