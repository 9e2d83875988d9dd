package de.ozgkit.fitconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import de.ozgkit.core.security.CertificateValidator;
import de.ozgkit.fitconnect.Check;
import de.ozgkit.fitconnect.FitConnectVerificationException;
import de.ozgkit.fitconnect.TestKeys;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Destination keys are refused unless RSA 4096, with the right alg and key_ops, and a trusted x5c chain. */
class KeyChecksTest {

    static final CertificateValidator VALIDATOR = CertificateValidator.builder()
            .trustAnchors(TestKeys.PKI.rootCertificate()).build();

    static RSAKey.Builder jwk(IssuedCertificate cert) throws Exception {
        List<Base64> chain = new ArrayList<>();
        for (X509Certificate c : cert.chain()) {
            chain.add(Base64.encode(c.getEncoded()));
        }
        return new RSAKey.Builder((RSAPublicKey) cert.publicKey()).keyID("k").algorithm(JWEAlgorithm.RSA_OAEP_256)
                .keyOperations(Set.of(KeyOperation.WRAP_KEY)).x509CertChain(chain);
    }

    static void refused(String json, Check check) {
        assertThatThrownBy(() -> KeyChecks.check(json, "k", KeyChecks.Use.ENCRYPTION, VALIDATOR))
                .isInstanceOfSatisfying(FitConnectVerificationException.class, e -> assertThat(e.check()).isEqualTo(check));
    }

    @Test
    void validKey_passes_andEachBrokenRule_isRefusedWithItsCheck() throws Exception {
        IssuedCertificate enc = TestKeys.ENCRYPTION;
        assertThat(KeyChecks.check(jwk(enc).build().toJSONString(), "k", KeyChecks.Use.ENCRYPTION, VALIDATOR).size())
                .isEqualTo(4096);
        RSAKey good = jwk(enc).build();
        refused(new RSAKey.Builder(good).x509CertChain(null).build().toJSONString(), Check.KEY_CHAIN_MISSING);
        refused(new RSAKey.Builder(good).algorithm(JWEAlgorithm.RSA_OAEP).build().toJSONString(), Check.KEY_ALGORITHM);
        refused(new RSAKey.Builder(good).algorithm(JWSAlgorithm.PS512).build().toJSONString(), Check.KEY_ALGORITHM);
        refused(new RSAKey.Builder(good).keyOperations(Set.of(KeyOperation.WRAP_KEY, KeyOperation.ENCRYPT)).build()
                .toJSONString(), Check.KEY_OPERATIONS);
        refused(new RSAKey.Builder(good).keyOperations(null).build().toJSONString(), Check.KEY_OPERATIONS);
        refused(new RSAKey.Builder(good).keyID("other").build().toJSONString(), Check.KEY_ID);
        refused("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}", Check.KEY_ALGORITHM);
        refused("{not json", Check.KEY_ALGORITHM);
        // the x5c leaf holds another key than the JWK
        RSAKey otherKey = new RSAKey.Builder((RSAPublicKey) TestKeys.SIGNING.publicKey()).build();
        String swapped = good.toJSONString().replace("\"" + good.getModulus() + "\"", "\"" + otherKey.getModulus() + "\"");
        assertThat(swapped).isNotEqualTo(good.toJSONString());
        refused(swapped, Check.KEY_CERTIFICATE_MISMATCH);
        // 2048 bits, correctly certified
        IssuedCertificate small = TestKeys.PKI.intermediate().issue(CertificateSpec.builder().subject("CN=short")
                .keyType(KeyType.RSA_2048).keyUsage(CertificateSpec.KeyUsage.KEY_ENCIPHERMENT).build());
        refused(jwk(small).build().toJSONString(), Check.KEY_TOO_SHORT);
    }

    @Test
    void chainOfAnotherPki_isUntrusted() throws Exception {
        TestPki other = TestPki.create("Other", KeyType.RSA_2048);
        // the same 4096-bit public key, certified by a CA nobody trusts here
        IssuedCertificate foreignCa = other.intermediate();
        RSAKey good = jwk(TestKeys.ENCRYPTION).build();
        List<Base64> chain = new ArrayList<>(good.getX509CertChain());
        chain.set(1, Base64.encode(foreignCa.certificate().getEncoded()));
        refused(new RSAKey.Builder(good).x509CertChain(chain).build().toJSONString(), Check.KEY_CHAIN_UNTRUSTED);
        CertificateValidator otherRoot = CertificateValidator.builder().trustAnchors(other.rootCertificate()).build();
        assertThatThrownBy(() -> KeyChecks.check(good.toJSONString(), "k", KeyChecks.Use.ENCRYPTION, otherRoot))
                .isInstanceOfSatisfying(FitConnectVerificationException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.KEY_CHAIN_UNTRUSTED));
    }
}
