package de.ozgkit.fitconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import de.ozgkit.fitconnect.Check;
import de.ozgkit.fitconnect.FitConnectVerificationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The streamed compact JWE against nimbus-jose-jwt in both directions, and hostile JWEs. Uses
 * 2048-bit keys: the framing does not depend on the key size, and the 4096-bit minimum is checked
 * on destination keys, not here.
 */
class StreamingJweTest {

    static KeyPair key;
    static KeyPair other;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
        other = g.generateKeyPair();
    }

    static byte[] content(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    static String streamEncrypt(byte[] plain) throws Exception {
        StreamingJwe.Encryptor e = new StreamingJwe.Encryptor((RSAPublicKey) key.getPublic(), "k1", "application/pdf");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamingJwe.Result r = e.encrypt(new ByteArrayInputStream(plain), plain.length, out);
        assertThat((long) out.size()).isEqualTo(e.length(plain.length));
        assertThat(r.sha512()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(plain)));
        return out.toString(StandardCharsets.US_ASCII);
    }

    static byte[] streamDecrypt(String jwe, long max) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamingJwe.Result r = StreamingJwe.decrypt(new ByteArrayInputStream(jwe.getBytes(StandardCharsets.US_ASCII)),
                key.getPrivate(), "k1", "attachment:x", max, out);
        assertThat(r.tag()).isEqualTo(Jwe.tag(jwe));
        assertThat(r.length()).isEqualTo(out.size());
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 15, 16, 17, 65_535, 65_536, 65_537, 200_001})
    void streamedJwe_isDecryptedByNimbus_andNimbusJweByTheStream(int size) throws Exception {
        byte[] plain = content(size);
        JWEObject parsed = JWEObject.parse(streamEncrypt(plain));
        parsed.decrypt(new RSADecrypter(key.getPrivate()));
        assertThat(parsed.getPayload().toBytes()).isEqualTo(plain);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("k1");
        assertThat(parsed.getHeader().getContentType()).isEqualTo("application/pdf");

        JWEObject nimbus = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID("k1").build(), new Payload(plain));
        nimbus.encrypt(new RSAEncrypter((RSAPublicKey) key.getPublic()));
        assertThat(streamDecrypt(nimbus.serialize(), Long.MAX_VALUE)).isEqualTo(plain);
    }

    @Test
    void compressedNimbusJwe_zipDef_isInflated() throws Exception {
        byte[] plain = ("Wiederholung " + "abc".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
        JWEObject nimbus = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID("k1").compressionAlgorithm(CompressionAlgorithm.DEF).build(), new Payload(plain));
        nimbus.encrypt(new RSAEncrypter((RSAPublicKey) key.getPublic()));
        assertThat(streamDecrypt(nimbus.serialize(), Long.MAX_VALUE)).isEqualTo(plain);
        assertThat(Jwe.decrypt(nimbus.serialize(), key.getPrivate(), "k1", "data", 1 << 20).plaintext()).isEqualTo(plain);
    }

    @Test
    void zipBomb_isRefusedAtTheLimit() throws Exception {
        byte[] plain = new byte[5_000_000];
        JWEObject nimbus = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID("k1").compressionAlgorithm(CompressionAlgorithm.DEF).build(), new Payload(plain));
        nimbus.encrypt(new RSAEncrypter((RSAPublicKey) key.getPublic()));
        assertThat(nimbus.serialize().length()).isLessThan(20_000);
        assertCheck(() -> streamDecrypt(nimbus.serialize(), 1_000_000), Check.JWE_TOO_LARGE);
        assertCheck(() -> Jwe.decrypt(nimbus.serialize(), key.getPrivate(), "k1", "data", 1_000_000), Check.JWE_TOO_LARGE);
    }

    static void assertCheck(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Check check) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FitConnectVerificationException.class,
                e -> assertThat(e.check()).isEqualTo(check));
    }

    @Test
    void hostileJwes_areRefusedWithTheFailedCheck() throws Exception {
        String jwe = streamEncrypt(content(1000));
        String[] p = jwe.split("\\.");
        // a flipped ciphertext character (the tag stays)
        char c = p[3].charAt(10);
        String tampered = p[0] + "." + p[1] + "." + p[2] + "." + p[3].substring(0, 10) + (c == 'A' ? 'B' : 'A')
                + p[3].substring(11) + "." + p[4];
        assertCheck(() -> streamDecrypt(tampered, 1 << 20), Check.JWE_AUTHENTICATION);
        assertCheck(() -> Jwe.decrypt(tampered, key.getPrivate(), "k1", "data", 1 << 20), Check.JWE_AUTHENTICATION);
        // another tag
        String otherTag = p[0] + "." + p[1] + "." + p[2] + "." + p[3] + "." + "AAAAAAAAAAAAAAAAAAAAAA";
        assertCheck(() -> streamDecrypt(otherTag, 1 << 20), Check.JWE_AUTHENTICATION);
        // a changed header (the AAD): re-encoded with another cty
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM).keyID("k1")
                        .contentType("text/plain").build().toString().getBytes(StandardCharsets.UTF_8));
        String newHeader = header + "." + p[1] + "." + p[2] + "." + p[3] + "." + p[4];
        assertCheck(() -> streamDecrypt(newHeader, 1 << 20), Check.JWE_AUTHENTICATION);
        // the wrong private key
        assertCheck(() -> StreamingJwe.decrypt(new ByteArrayInputStream(jwe.getBytes(StandardCharsets.US_ASCII)),
                other.getPrivate(), "k1", "a", 1 << 20, new ByteArrayOutputStream()), Check.JWE_KEY_UNWRAP);
        assertCheck(() -> Jwe.decrypt(jwe, other.getPrivate(), "k1", "data", 1 << 20), Check.JWE_KEY_UNWRAP);
        // another kid
        assertCheck(() -> StreamingJwe.decrypt(new ByteArrayInputStream(jwe.getBytes(StandardCharsets.US_ASCII)),
                key.getPrivate(), "k2", "a", 1 << 20, new ByteArrayOutputStream()), Check.JWE_KEY_ID);
        // truncated anywhere, extra segments, non-base64url characters, oversized plaintext
        for (int cut : new int[] {0, 5, p[0].length() + 3, jwe.length() - p[4].length() - 1, jwe.length() / 2}) {
            assertCheck(() -> streamDecrypt(jwe.substring(0, cut), 1 << 20), Check.JWE_MALFORMED);
        }
        assertCheck(() -> streamDecrypt(jwe + ".AAAA", 1 << 20), Check.JWE_MALFORMED);
        assertCheck(() -> streamDecrypt(jwe.replace(p[3].substring(0, 8), "a+b/c=de"), 1 << 20), Check.JWE_MALFORMED);
        assertCheck(() -> streamDecrypt(jwe, 999), Check.JWE_TOO_LARGE);
        // dir / A128GCM instead of RSA-OAEP-256 / A256GCM
        String alg = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        assertCheck(() -> streamDecrypt(alg + jwe.substring(p[0].length()), 1 << 20), Check.JWE_ALGORITHM);
    }

    @Test
    void randomBytes_neverEscapeAsAnythingButAVerificationFailure() {
        Random r = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] junk = new byte[r.nextInt(400)];
            r.nextBytes(junk);
            if (i % 3 == 0) {
                for (int j = 0; j < junk.length; j++) {
                    junk[j] = (byte) "ABCxyz019-_.".charAt(Math.floorMod(junk[j], 12));
                }
            }
            assertThatThrownBy(() -> StreamingJwe.decrypt(new ByteArrayInputStream(junk), key.getPrivate(), "k1", "a",
                    1 << 20, new ByteArrayOutputStream())).isInstanceOf(FitConnectVerificationException.class);
        }
    }
}
