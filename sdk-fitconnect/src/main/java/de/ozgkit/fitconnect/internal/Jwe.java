package de.ozgkit.fitconnect.internal;

import de.ozgkit.core.OzgClientException;
import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.impl.AESGCM;
import com.nimbusds.jose.crypto.impl.DeflateHelper;
import com.nimbusds.jose.crypto.impl.RSA_OAEP_SHA2;
import com.nimbusds.jose.crypto.opts.CipherMode;
import com.nimbusds.jose.util.Base64URL;
import de.ozgkit.fitconnect.Check;
import de.ozgkit.fitconnect.FitConnectVerificationException;
import de.ozgkit.fitconnect.Problem;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import javax.crypto.SecretKey;

/**
 * Compact JWE in memory with nimbus-jose-jwt, for the parts that fit in memory (metadata, data):
 * RSA-OAEP-256 key transport and A256GCM content encryption, as FIT-Connect requires.
 *
 * <p>Decryption runs nimbus' own steps one by one (key unwrap, AES-GCM, DEFLATE) instead of
 * {@link JWEObject#decrypt}, so that a failure names the step that failed and compressed content is
 * bounded by the caller's limit rather than by nimbus' fixed 100 kB ceiling for compressed JWEs.
 */
public final class Jwe {

    private Jwe() {
    }

    /**
     * The plaintext and the authentication tag of a decrypted JWE.
     *
     * @param plaintext the plaintext (decompressed when {@code zip: DEF})
     * @param tag       the base64url authentication tag (the JWE's last segment)
     */
    public record Decrypted(byte[] plaintext, String tag) {
    }

    /**
     * Encrypts for a destination.
     *
     * @param plaintext the content
     * @param key       the destination's public encryption key
     * @param kid       its key id
     * @param cty       the content type, e.g. {@code application/json}
     * @return the compact serialization
     */
    public static String encrypt(byte[] plaintext, RSAPublicKey key, String kid, String cty) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(kid).contentType(cty).build();
        JWEObject jwe = new JWEObject(header, new Payload(plaintext));
        try {
            jwe.encrypt(new RSAEncrypter(key));
        } catch (JOSEException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                    "cannot encrypt with RSA-OAEP-256 and A256GCM for key " + kid + ": " + e.getMessage(), e, 0);
        }
        return jwe.serialize();
    }

    /**
     * @param compact a compact JWE
     * @return its last segment, the authentication tag
     */
    public static String tag(String compact) {
        int dot = compact.lastIndexOf('.');
        return dot < 0 ? "" : compact.substring(dot + 1);
    }

    /**
     * Decrypts a compact JWE of a submission part.
     *
     * @param compact     the compact serialization
     * @param key         the destination's private decryption key
     * @param expectedKid the destination's encryption key id; a JWE naming another key is refused
     * @param part        {@code metadata} or {@code data}, for messages and problems
     * @param maxBytes    the most plaintext bytes accepted (after decompression)
     * @return the plaintext and tag
     * @throws FitConnectVerificationException when a check fails, naming it
     */
    public static Decrypted decrypt(String compact, PrivateKey key, String expectedKid, String part, int maxBytes) {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(compact);
        } catch (ParseException e) {
            throw fail(Check.JWE_MALFORMED, part + " is not a compact JWE (" + e.getMessage() + ")", part, e);
        }
        JWEHeader header = jwe.getHeader();
        checkHeader(header, expectedKid, part);
        if (jwe.getEncryptedKey() == null || jwe.getIV() == null || jwe.getAuthTag() == null
                || jwe.getCipherText() == null) {
            throw fail(Check.JWE_MALFORMED, part + " JWE lacks a segment", part, null);
        }
        SecretKey cek = unwrap(key, jwe.getEncryptedKey().decode(), part);
        byte[] iv = jwe.getIV().decode();
        byte[] tag = jwe.getAuthTag().decode();
        if (iv.length != 12 || tag.length != 16) {
            throw fail(Check.JWE_MALFORMED, part + " JWE has an IV of " + iv.length + " or a tag of " + tag.length
                    + " bytes; A256GCM needs 12 and 16", part, null);
        }
        byte[] ciphertext = jwe.getCipherText().decode();
        byte[] aad = header.toBase64URL().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] plaintext;
        try {
            plaintext = AESGCM.decrypt(cek, iv, ciphertext, aad, tag, null);
        } catch (JOSEException e) {
            throw fail(Check.JWE_AUTHENTICATION, part + " JWE failed AES-GCM authentication: a segment was changed"
                    + " or the tag is wrong", part, e);
        }
        if (header.getCompressionAlgorithm() != null) {
            try {
                plaintext = DeflateHelper.applyDecompression(header, plaintext, maxBytes);
            } catch (JOSEException e) {
                String why = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
                boolean tooLarge = why.contains("exceed") || why.contains("limit") || why.contains("max");
                throw fail(tooLarge ? Check.JWE_TOO_LARGE : Check.JWE_MALFORMED, part + " could not be decompressed"
                        + (tooLarge ? " within the limit of " + maxBytes + " bytes" : ": the DEFLATE stream is broken"),
                        part, e);
            }
        } else if (plaintext.length > maxBytes) {
            throw fail(Check.JWE_TOO_LARGE, part + " has " + plaintext.length + " bytes, more than the limit of "
                    + maxBytes, part, null);
        }
        return new Decrypted(plaintext, jwe.getAuthTag().toString());
    }

    /**
     * Checks algorithm, encryption, compression and key id of a FIT-Connect JWE header.
     *
     * @param header      the header
     * @param expectedKid the destination's encryption key id
     * @param part        the part, for messages
     */
    static void checkHeader(JWEHeader header, String expectedKid, String part) {
        if (!JWEAlgorithm.RSA_OAEP_256.equals(header.getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
            throw fail(Check.JWE_ALGORITHM, part + " JWE uses " + header.getAlgorithm() + " with "
                    + header.getEncryptionMethod() + "; FIT-Connect requires RSA-OAEP-256 with A256GCM", part, null);
        }
        CompressionAlgorithm zip = header.getCompressionAlgorithm();
        if (zip != null && !CompressionAlgorithm.DEF.equals(zip)) {
            throw fail(Check.JWE_ALGORITHM, part + " JWE uses compression " + zip + "; only DEF is defined", part, null);
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw fail(Check.JWE_ALGORITHM, part + " JWE marks header parameters as critical that this client does not"
                    + " understand: " + header.getCriticalParams(), part, null);
        }
        if (header.getKeyID() != null && expectedKid != null && !expectedKid.equals(header.getKeyID())) {
            throw fail(Check.JWE_KEY_ID, part + " JWE was encrypted for key \"" + header.getKeyID()
                    + "\", not for the destination's encryption key \"" + expectedKid + "\"", part, null);
        }
    }

    /**
     * Unwraps the content encryption key with nimbus' RSA-OAEP-256.
     *
     * @param key          the private key
     * @param encryptedKey the encrypted key segment, decoded
     * @param part         the part, for messages
     * @return the CEK
     */
    static SecretKey unwrap(PrivateKey key, byte[] encryptedKey, String part) {
        try {
            SecretKey cek = RSA_OAEP_SHA2.decryptCEK(key, encryptedKey, 256, CipherMode.ENCRYPT_DECRYPT, null);
            if (cek.getEncoded().length != 32) {
                throw fail(Check.JWE_KEY_UNWRAP, part + " JWE carries a content key of " + cek.getEncoded().length
                        + " bytes; A256GCM needs 32", part, null);
            }
            return cek;
        } catch (JOSEException e) {
            throw fail(Check.JWE_KEY_UNWRAP, part + " JWE's content key cannot be unwrapped with the destination's"
                    + " private key: it was encrypted for another key", part, e);
        }
    }

    /**
     * @param encoded base64url text
     * @return the decoded bytes
     */
    static byte[] decode(String encoded) {
        return new Base64URL(encoded).decode();
    }

    static FitConnectVerificationException fail(Check check, String message, String part, Throwable cause) {
        Problem problem = check == Check.JWE_TOO_LARGE ? Problem.technicalError(message)
                : Problem.encryptionIssue(part);
        return new FitConnectVerificationException(check, message, problem, cause);
    }
}
