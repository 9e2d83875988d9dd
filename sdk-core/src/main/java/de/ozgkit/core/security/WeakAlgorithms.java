package de.ozgkit.core.security;

import de.ozgkit.core.security.CertificateValidationException.Reason;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ozgkit's floor for certificates below a trust anchor, independent of the Java runtime's
 * {@code jdk.certpath.disabledAlgorithms} (which lets SHA-1 pass below private roots and RSA down to
 * 1024 bits): no signature with SHA-1, MD5 or MD2; RSA and DSA keys of at least 2048 bits; EC keys
 * of at least 256 bits. The figures follow BSI TR-02102 and the German public-sector PKIs.
 */
final class WeakAlgorithms {

    /** Smallest RSA and DSA modulus. */
    static final int MIN_RSA_DSA_BITS = 2048;
    /** Smallest EC field size. */
    static final int MIN_EC_BITS = 256;

    /** Signature algorithm OIDs with a broken hash: MD2, MD5, SHA-1 with RSA, ECDSA and DSA. */
    private static final Set<String> WEAK_SIGNATURE_OIDS = Set.of("1.2.840.113549.1.1.2", "1.2.840.113549.1.1.4",
            "1.2.840.113549.1.1.5", "1.3.14.3.2.29", "1.2.840.10045.4.1", "1.2.840.10040.4.3", "1.3.14.3.2.27");

    private WeakAlgorithms() {
    }

    /**
     * Checks every certificate of a path (end entity first, the trust anchor not included).
     *
     * @param path the path
     * @throws CertificateValidationException with {@link Reason#WEAK_ALGORITHM} for the first weak certificate
     */
    static void check(List<X509Certificate> path) {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate c = path.get(i);
            String weakHash = weakSignatureHash(c);
            if (weakHash != null) {
                throw new CertificateValidationException(Reason.WEAK_ALGORITHM, CertificateValidator.describe(c, i)
                        + " is signed with " + c.getSigAlgName() + "; " + weakHash + " is broken for signatures."
                        + " Have it reissued with SHA-256 or stronger", i, c, null);
            }
            String weakKey = weakKey(c.getPublicKey());
            if (weakKey != null) {
                throw new CertificateValidationException(Reason.WEAK_ALGORITHM, CertificateValidator.describe(c, i)
                        + " has " + weakKey + ". Have it reissued with RSA " + MIN_RSA_DSA_BITS + "+ or EC P-"
                        + MIN_EC_BITS + "+", i, c, null);
            }
        }
    }

    /** The broken hash a certificate's signature uses, {@code null} when it uses none. */
    static String weakSignatureHash(X509Certificate c) {
        String name = c.getSigAlgName() == null ? "" : c.getSigAlgName().toUpperCase(Locale.ROOT);
        if (WEAK_SIGNATURE_OIDS.contains(c.getSigAlgOID()) || name.startsWith("SHA1") || name.startsWith("MD5")
                || name.startsWith("MD2")) {
            return name.startsWith("MD") ? name.substring(0, 3) : "SHA-1";
        }
        if (name.equals("RSASSA-PSS") || "1.2.840.113549.1.1.10".equals(c.getSigAlgOID())) {
            try {
                AlgorithmParameters params = AlgorithmParameters.getInstance("RSASSA-PSS");
                params.init(c.getSigAlgParams());
                String digest = params.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm()
                        .toUpperCase(Locale.ROOT).replace("-", "");
                if (digest.equals("SHA1") || digest.startsWith("MD")) {
                    return digest.equals("SHA1") ? "SHA-1" : digest;
                }
            } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
                return "an unreadable RSASSA-PSS hash";
            }
        }
        return null;
    }

    /** A description of a key that is too small, {@code null} when it is strong enough or of another kind. */
    static String weakKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_DSA_BITS) {
            return "an RSA key of " + rsa.getModulus().bitLength() + " bits";
        }
        if (key instanceof DSAPublicKey dsa && dsa.getParams() != null
                && dsa.getParams().getP().bitLength() < MIN_RSA_DSA_BITS) {
            return "a DSA key of " + dsa.getParams().getP().bitLength() + " bits";
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() < MIN_EC_BITS) {
            return "an EC key of " + ec.getParams().getCurve().getField().getFieldSize() + " bits";
        }
        return null;
    }
}
