package de.ozgkit.messaging;

import de.ozgkit.core.UnknownCodeException;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The signature algorithms ozgkit signs and accepts OSCI messages and content with. SHA-1 based
 * algorithms are not in this list and are refused.
 */
public enum SignatureAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256 (the OSCI library's default). */
    RSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "SHA256withRSA", null),
    /** RSASSA-PKCS1-v1_5 with SHA-512. */
    RSA_SHA512("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA512withRSA", null),
    /** RSASSA-PSS with SHA-256 and MGF1-SHA-256, salt 32 bytes. */
    RSA_PSS_SHA256("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", "RSASSA-PSS",
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1)),
    /** RSASSA-PSS with SHA-512 and MGF1-SHA-512, salt 64 bytes. */
    RSA_PSS_SHA512("http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1", "RSASSA-PSS",
            new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));

    private final String uri;
    private final String jcaName;
    private final AlgorithmParameterSpec parameters;

    SignatureAlgorithm(String uri, String jcaName, AlgorithmParameterSpec parameters) {
        this.uri = uri;
        this.jcaName = jcaName;
        this.parameters = parameters;
    }

    /** @return the algorithm URI of XML Signature */
    public String uri() {
        return uri;
    }

    /** @return the JCA name for {@link java.security.Signature#getInstance(String)} */
    public String jcaName() {
        return jcaName;
    }

    /** @return the JCA parameters (PSS), empty for PKCS#1 v1.5 */
    public Optional<AlgorithmParameterSpec> parameters() {
        return Optional.ofNullable(parameters);
    }

    /**
     * @param uri an algorithm URI of XML Signature
     * @return the algorithm, empty for one ozgkit does not accept
     */
    public static Optional<SignatureAlgorithm> lookup(String uri) {
        return Arrays.stream(values()).filter(a -> a.uri.equals(uri)).findFirst();
    }

    /**
     * @param uri an algorithm URI of XML Signature
     * @return the algorithm
     * @throws UnknownCodeException for an algorithm ozgkit does not accept (SHA-1 among them)
     */
    public static SignatureAlgorithm fromCode(String uri) {
        return lookup(uri).orElseThrow(() -> new UnknownCodeException("OSCI signature algorithm", uri,
                Arrays.stream(values()).map(SignatureAlgorithm::uri).toList()));
    }
}
