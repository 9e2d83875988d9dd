package de.ozgkit.fitconnect.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.X509CertUtils;
import de.ozgkit.core.security.CertificateValidationException;
import de.ozgkit.core.security.CertificateValidator;
import de.ozgkit.fitconnect.Check;
import de.ozgkit.fitconnect.FitConnectVerificationException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a destination's public key (a JWK from the submission API) before it is used: RSA of at
 * least 4096 bits, the right {@code alg} and {@code key_ops} for its use, the {@code kid} it was
 * fetched by, and an {@code x5c} chain whose leaf holds this very key and which validates against
 * the configured trust anchors.
 */
public final class KeyChecks {

    /** The use a key is checked for. */
    public enum Use {
        /** Encrypting for the destination: {@code RSA-OAEP-256}, {@code key_ops: ["wrapKey"]}. */
        ENCRYPTION(JWEAlgorithm.RSA_OAEP_256, KeyOperation.WRAP_KEY),
        /** Verifying the destination's signatures: {@code PS512}, {@code key_ops: ["verify"]}. */
        SIGNATURE(JWSAlgorithm.PS512, KeyOperation.VERIFY);

        private final Algorithm alg;
        private final KeyOperation op;

        Use(Algorithm alg, KeyOperation op) {
            this.alg = alg;
            this.op = op;
        }
    }

    /** FIT-Connect's minimum RSA modulus length. */
    public static final int MIN_BITS = 4096;

    private KeyChecks() {
    }

    /**
     * Parses and checks a destination key.
     *
     * @param jwkJson     the JWK as fetched
     * @param expectedKid the key id it was fetched by
     * @param use         what it is for
     * @param validator   validates the {@code x5c} chain against the trust anchors
     * @return the checked RSA key
     * @throws FitConnectVerificationException naming the failed check
     */
    public static RSAKey check(String jwkJson, String expectedKid, Use use, CertificateValidator validator) {
        JWK jwk;
        try {
            jwk = JWK.parse(jwkJson);
        } catch (ParseException e) {
            // nimbus itself refuses a JWK whose x5c leaf certifies another key
            boolean certificate = String.valueOf(e.getMessage()).contains("X.509");
            throw fail(certificate ? Check.KEY_CERTIFICATE_MISMATCH : Check.KEY_ALGORITHM, certificate
                    ? "the destination key differs from the public key of its x5c certificate"
                    : "the destination key is not a valid JWK (" + e.getMessage() + ")", e);
        }
        if (!(jwk instanceof RSAKey rsa)) {
            throw fail(Check.KEY_ALGORITHM, "the destination key is of type " + jwk.getKeyType() + "; FIT-Connect uses RSA",
                    null);
        }
        if (!use.alg.equals(rsa.getAlgorithm())) {
            throw fail(Check.KEY_ALGORITHM, "the destination's " + use.name().toLowerCase(java.util.Locale.ROOT)
                    + " key has alg " + rsa.getAlgorithm() + "; it must be " + use.alg, null);
        }
        Set<KeyOperation> ops = rsa.getKeyOperations();
        if (ops == null || !ops.equals(Set.of(use.op))) {
            throw fail(Check.KEY_OPERATIONS, "the destination's key has key_ops " + ops + "; it must be exactly [\""
                    + use.op.identifier() + "\"]", null);
        }
        if (expectedKid != null && !expectedKid.equals(rsa.getKeyID())) {
            throw fail(Check.KEY_ID, "the key fetched as \"" + expectedKid + "\" has kid \"" + rsa.getKeyID() + "\"", null);
        }
        if (rsa.size() < MIN_BITS) {
            throw fail(Check.KEY_TOO_SHORT, "the destination key has " + rsa.size() + " bits; FIT-Connect requires at least "
                    + MIN_BITS, null);
        }
        if (rsa.getX509CertChain() == null || rsa.getX509CertChain().isEmpty()) {
            throw fail(Check.KEY_CHAIN_MISSING, "the destination key has no x5c certificate chain, so it cannot be traced"
                    + " to a trusted authority", null);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (var encoded : rsa.getX509CertChain()) {
            X509Certificate c = X509CertUtils.parse(encoded.decode());
            if (c == null) {
                throw fail(Check.KEY_CHAIN_UNTRUSTED, "an x5c entry of the destination key is not an X.509 certificate", null);
            }
            chain.add(c);
        }
        try {
            if (!chain.get(0).getPublicKey().equals(rsa.toRSAPublicKey())) {
                throw fail(Check.KEY_CERTIFICATE_MISMATCH, "the destination key differs from the public key of its x5c"
                        + " certificate", null);
            }
        } catch (JOSEException e) {
            throw fail(Check.KEY_ALGORITHM, "the destination key is not a usable RSA public key", e);
        }
        try {
            validator.validate(chain);
        } catch (CertificateValidationException e) {
            throw fail(Check.KEY_CHAIN_UNTRUSTED, "the destination key's certificate chain is not trusted: "
                    + e.getMessage(), e);
        }
        return rsa;
    }

    private static FitConnectVerificationException fail(Check check, String message, Throwable cause) {
        return new FitConnectVerificationException(check, message, null, cause);
    }
}
