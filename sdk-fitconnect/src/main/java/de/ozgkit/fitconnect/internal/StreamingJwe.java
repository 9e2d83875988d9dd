package de.ozgkit.fitconnect.internal;

import de.ozgkit.core.OzgClientException;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.impl.RSA_OAEP_SHA2;
import com.nimbusds.jose.crypto.opts.CipherMode;
import com.nimbusds.jose.util.Base64URL;
import de.ozgkit.fitconnect.Check;
import de.ozgkit.fitconnect.FitConnectVerificationException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Compact JWE (RSA-OAEP-256, A256GCM, RFC 7516 section 7.1) for attachments of any size, streamed
 * in both directions with constant memory.
 *
 * <p>nimbus-jose-jwt builds and parses compact JWEs as strings, so a 500 MB attachment would need
 * its whole ciphertext (and its base64 text) on the heap. This class keeps everything nimbus does
 * well with nimbus: the protected header ({@link JWEHeader}, its base64url form, which is the
 * additional authenticated data) and the RSA-OAEP-256 key transport ({@link RSA_OAEP_SHA2}). Only
 * the framing is written here: the five base64url segments separated by dots, with AES-256-GCM from
 * the JDK (encrypting, where it streams) and from Bouncy Castle's {@link GCMBlockCipher} (decrypting,
 * where the JDK holds back all plaintext until the end). The output is byte-for-byte a standard
 * compact JWE; tests decrypt it with nimbus and decrypt nimbus' JWEs with this class.
 *
 * <p>Decryption writes plaintext before the authentication tag at the end has been checked. Callers
 * therefore write it to a private temporary file and release it only after {@link #decrypt} has
 * returned (which means the tag matched); on a failure they delete it.
 */
public final class StreamingJwe {

    private static final int CHUNK = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private StreamingJwe() {
    }

    /**
     * What a streamed encryption or decryption produced.
     *
     * @param sha512 the hex SHA-512 hash of the plaintext (after decompression)
     * @param tag    the base64url authentication tag
     * @param length the plaintext length in bytes
     */
    public record Result(String sha512, String tag, long length) {
    }

    /** Encrypts for one key with a fixed header; each {@link #encrypt} uses a fresh content key and IV. */
    public static final class Encryptor {
        private final RSAPublicKey key;
        private final byte[] headerB64;
        private final int encryptedKeyLength;

        /**
         * @param key the destination's public encryption key
         * @param kid its key id
         * @param cty the content type of the plaintext, e.g. {@code application/pdf}
         */
        public Encryptor(RSAPublicKey key, String kid, String cty) {
            this.key = key;
            JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                    .keyID(kid).contentType(cty).build();
            this.headerB64 = header.toBase64URL().toString().getBytes(StandardCharsets.US_ASCII);
            this.encryptedKeyLength = (key.getModulus().bitLength() + 7) / 8;
        }

        /**
         * @param plaintextLength the plaintext's length
         * @return the exact length of the compact JWE in bytes
         */
        public long length(long plaintextLength) {
            return headerB64.length + 1 + b64Length(encryptedKeyLength) + 1 + b64Length(12) + 1
                    + b64Length(plaintextLength) + 1 + b64Length(16);
        }

        /**
         * Encrypts a stream of exactly {@code plaintextLength} bytes into a compact JWE.
         *
         * @param plaintext       the plaintext
         * @param plaintextLength its length; a different actual length fails
         * @param out             receives the compact JWE; not closed
         * @return hash, tag and length
         * @throws IOException when reading or writing fails or the plaintext's length differs
         */
        public Result encrypt(InputStream plaintext, long plaintextLength, OutputStream out) throws IOException {
            byte[] cekBytes = new byte[32];
            byte[] iv = new byte[12];
            RANDOM.nextBytes(cekBytes);
            RANDOM.nextBytes(iv);
            SecretKey cek = new SecretKeySpec(cekBytes, "AES");
            byte[] encryptedKey;
            Cipher gcm;
            MessageDigest sha512;
            try {
                encryptedKey = RSA_OAEP_SHA2.encryptCEK(key, cek, 256, CipherMode.ENCRYPT_DECRYPT, null);
                gcm = Cipher.getInstance("AES/GCM/NoPadding");
                gcm.init(Cipher.ENCRYPT_MODE, cek, new GCMParameterSpec(128, iv));
                gcm.updateAAD(headerB64);
                sha512 = MessageDigest.getInstance("SHA-512");
            } catch (JOSEException | GeneralSecurityException e) {
                throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                        "cannot encrypt with RSA-OAEP-256 and AES-256-GCM (key or Java runtime unsuitable): " + e, e, 0);
            }
            out.write(headerB64);
            out.write('.');
            out.write(B64.encode(encryptedKey));
            out.write('.');
            out.write(B64.encode(iv));
            out.write('.');
            OutputStream b64 = B64.wrap(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            byte[] buf = new byte[CHUNK];
            byte[] enc = new byte[CHUNK + 16];
            long total = 0;
            int n;
            try {
                while ((n = plaintext.read(buf)) > 0) {
                    total += n;
                    if (total > plaintextLength) {
                        break;
                    }
                    sha512.update(buf, 0, n);
                    int m = gcm.update(buf, 0, n, enc, 0);
                    b64.write(enc, 0, m);
                }
                if (total != plaintextLength) {
                    throw new IOException("the attachment has " + (total > plaintextLength ? "more" : "fewer")
                            + " bytes than announced (" + plaintextLength + "); it changed while it was sent");
                }
                byte[] last = gcm.doFinal();
                b64.write(last, 0, last.length - 16);
                b64.close();
                byte[] tag = Arrays.copyOfRange(last, last.length - 16, last.length);
                out.write('.');
                out.write(B64.encode(tag));
                return new Result(HexFormat.of().formatHex(sha512.digest()), B64.encodeToString(tag), total);
            } catch (GeneralSecurityException e) {
                throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                        "AES-GCM encryption failed in this Java runtime: " + e, e, 0);
            }
        }
    }

    /**
     * @param bytes a byte count
     * @return the length of its unpadded base64url encoding
     */
    static long b64Length(long bytes) {
        return (bytes * 4 + 2) / 3;
    }

    /**
     * Decrypts a compact JWE read from a stream, writing the plaintext (decompressed for {@code zip: DEF})
     * to {@code out} as it goes. Returns only when the authentication tag matched; see the class
     * comment for what that means for the written plaintext.
     *
     * @param jwe          the compact JWE
     * @param key          the destination's private decryption key
     * @param expectedKid  the destination's encryption key id
     * @param part         e.g. {@code attachment:<id>}, for messages and problems
     * @param maxPlaintext the most plaintext bytes accepted (after decompression)
     * @param out          receives the plaintext; not closed
     * @return hash, tag and length of the plaintext
     * @throws FitConnectVerificationException when a check fails, naming it
     * @throws IOException                     when reading or writing fails
     */
    public static Result decrypt(InputStream jwe, PrivateKey key, String expectedKid, String part, long maxPlaintext,
                                 OutputStream out) throws IOException {
        Segments in = new Segments(jwe, part);
        String headerText = in.small(8192, "header");
        JWEHeader header;
        try {
            header = JWEHeader.parse(new Base64URL(headerText));
        } catch (ParseException e) {
            throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE header is not valid (" + e.getMessage() + ")", part, e);
        }
        Jwe.checkHeader(header, expectedKid, part);
        SecretKey cek = Jwe.unwrap(key, in.decoded(2048, "encrypted key"), part);
        byte[] iv = in.decoded(64, "IV");
        if (iv.length != 12) {
            throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE has an IV of " + iv.length + " bytes; A256GCM needs 12",
                    part, null);
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(false, new AEADParameters(new KeyParameter(cek.getEncoded()), 128, iv,
                headerText.getBytes(StandardCharsets.US_ASCII)));
        Sink sink = new Sink(out, header.getCompressionAlgorithm() != null, maxPlaintext, part);
        byte[] plain = new byte[CHUNK + 32];
        byte[] chunk;
        while ((chunk = in.nextCiphertextChunk()) != null) {
            int n = gcm.processBytes(chunk, 0, chunk.length, plain, 0);
            sink.write(plain, n);
        }
        byte[] tag = in.decoded(64, "authentication tag");
        in.expectEnd();
        if (tag.length != 16) {
            throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE has a tag of " + tag.length + " bytes; A256GCM needs 16",
                    part, null);
        }
        try {
            int n = gcm.processBytes(tag, 0, tag.length, plain, 0);
            sink.write(plain, n);
            n = gcm.doFinal(plain, 0);
            sink.write(plain, n);
        } catch (InvalidCipherTextException e) {
            throw Jwe.fail(Check.JWE_AUTHENTICATION, part + " JWE failed AES-GCM authentication: a segment was changed"
                    + " or the tag is wrong", part, e);
        }
        sink.finish();
        return new Result(sink.hash(), B64.encodeToString(tag), sink.length);
    }

    /** Plaintext on its way out: inflated when compressed, hashed, counted and bounded. */
    private static final class Sink {
        private final OutputStream out;
        private final Inflater inflater;
        private final long max;
        private final String part;
        private final MessageDigest sha512;
        private final byte[] inflated = new byte[CHUNK];
        private long length;

        Sink(OutputStream out, boolean compressed, long max, String part) {
            this.out = out;
            this.inflater = compressed ? new Inflater(true) : null;
            this.max = max;
            this.part = part;
            try {
                this.sha512 = MessageDigest.getInstance("SHA-512");
            } catch (GeneralSecurityException e) {
                throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                        "this Java runtime offers no SHA-512 MessageDigest; run on a JDK with the standard providers", e, 0);
            }
        }

        void write(byte[] b, int n) throws IOException {
            if (n <= 0) {
                return;
            }
            if (inflater == null) {
                emit(b, 0, n);
                return;
            }
            inflater.setInput(b, 0, n);
            drain();
        }

        private void drain() throws IOException {
            try {
                int m;
                while ((m = inflater.inflate(inflated)) > 0 || (!inflater.needsInput() && !inflater.finished())) {
                    if (m == 0 && inflater.needsDictionary()) {
                        throw Jwe.fail(Check.JWE_MALFORMED, part + " DEFLATE stream needs a preset dictionary", part, null);
                    }
                    emit(inflated, 0, m);
                }
            } catch (DataFormatException e) {
                throw Jwe.fail(Check.JWE_MALFORMED, part + " is marked zip DEF but is not a valid DEFLATE stream", part, e);
            }
        }

        private void emit(byte[] b, int off, int n) throws IOException {
            length += n;
            if (length > max) {
                throw Jwe.fail(Check.JWE_TOO_LARGE, part + " exceeds the limit of " + max + " plaintext bytes", part, null);
            }
            sha512.update(b, off, n);
            out.write(b, off, n);
        }

        void finish() {
            if (inflater != null) {
                boolean complete = inflater.finished() && inflater.getRemaining() == 0;
                inflater.end();
                if (!complete) {
                    throw Jwe.fail(Check.JWE_MALFORMED, part + " DEFLATE stream is truncated or followed by other data",
                            part, null);
                }
            }
        }

        String hash() {
            return HexFormat.of().formatHex(sha512.digest());
        }
    }

    /** Reads the dot-separated segments of a compact JWE from a stream through one buffer. */
    private static final class Segments {
        private final InputStream in;
        private final String part;
        private final byte[] buf = new byte[CHUNK];
        private int pos;
        private int limit;
        private boolean eof;
        private int segment;
        /** Base64url characters of the ciphertext not yet decoded (fewer than 4). */
        private final byte[] carry = new byte[4];
        private int carried;
        private boolean ciphertextDone;

        Segments(InputStream in, String part) {
            this.in = in;
            this.part = part;
        }

        private boolean fill() throws IOException {
            if (pos < limit) {
                return true;
            }
            if (eof) {
                return false;
            }
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        }

        /** Reads a whole short segment up to its dot (or the end for the last one). */
        String small(int max, String what) throws IOException {
            StringBuilder s = new StringBuilder();
            while (fill()) {
                byte c = buf[pos++];
                if (c == '.') {
                    if (segment == 4) {
                        throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE has more than five segments", part, null);
                    }
                    segment++;
                    return checked(s.toString(), what);
                }
                if (s.length() >= max) {
                    throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE " + what + " is longer than " + max + " characters",
                            part, null);
                }
                s.append((char) (c & 0xff));
            }
            if (segment == 4) {
                segment++;
                return checked(s.toString(), what);
            }
            throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE ends inside its " + what + " (truncated; a compact JWE has"
                    + " five segments)", part, null);
        }

        byte[] decoded(int max, String what) throws IOException {
            String text = small(max, what);
            try {
                return B64D.decode(text);
            } catch (IllegalArgumentException e) {
                throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE " + what + " is not base64url", part, e);
            }
        }

        private String checked(String text, String what) {
            for (int i = 0; i < text.length(); i++) {
                if (!isB64(text.charAt(i))) {
                    throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE " + what + " has a character outside base64url",
                            part, null);
                }
            }
            return text;
        }

        private static boolean isB64(int c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        }

        /** @return the next decoded piece of the ciphertext segment, {@code null} after its end */
        byte[] nextCiphertextChunk() throws IOException {
            if (ciphertextDone) {
                return null;
            }
            if (!fill()) {
                throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE ends inside its ciphertext (truncated)", part, null);
            }
            int start = pos;
            int end = start;
            while (end < limit && buf[end] != '.') {
                if (!isB64(buf[end])) {
                    throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE ciphertext has a character outside base64url",
                            part, null);
                }
                end++;
            }
            boolean last = end < limit;
            pos = last ? end + 1 : end;
            byte[] all = new byte[carried + (end - start)];
            System.arraycopy(carry, 0, all, 0, carried);
            System.arraycopy(buf, start, all, carried, end - start);
            int usable = last ? all.length : all.length - all.length % 4;
            carried = all.length - usable;
            System.arraycopy(all, usable, carry, 0, carried);
            byte[] text = usable == all.length ? all : Arrays.copyOf(all, usable);
            if (last) {
                ciphertextDone = true;
                segment++;
            }
            try {
                return B64D.decode(text);
            } catch (IllegalArgumentException e) {
                throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE ciphertext is not base64url", part, e);
            }
        }

        void expectEnd() throws IOException {
            if (fill()) {
                throw Jwe.fail(Check.JWE_MALFORMED, part + " JWE has data after its fifth segment", part, null);
            }
        }
    }
}
