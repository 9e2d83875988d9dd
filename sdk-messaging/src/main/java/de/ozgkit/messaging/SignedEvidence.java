package de.ozgkit.messaging;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An intermediary's signature over one element of an answer, kept so that it can be checked later:
 * the canonical {@code SignedInfo}, the signature value, the canonical bytes of the signed element,
 * and the certificate.
 *
 * @param signedInfo       the canonical {@code ds:SignedInfo}
 * @param signatureValue   the signature value
 * @param algorithm        the signature algorithm
 * @param signedElement    the canonical bytes of the element that holds the card
 * @param elementDigest    the digest of that element as listed in the SignedInfo (SHA-256)
 * @param signer           the intermediary's signature certificate
 */
public record SignedEvidence(byte[] signedInfo, byte[] signatureValue, SignatureAlgorithm algorithm, byte[] signedElement,
                             byte[] elementDigest, X509Certificate signer) {

    /** Copies the arrays. */
    public SignedEvidence {
        signedInfo = signedInfo.clone();
        signatureValue = signatureValue.clone();
        Objects.requireNonNull(algorithm, "algorithm");
        signedElement = signedElement.clone();
        elementDigest = elementDigest.clone();
        Objects.requireNonNull(signer, "signer");
    }

    @Override
    public byte[] signedInfo() {
        return signedInfo.clone();
    }

    @Override
    public byte[] signatureValue() {
        return signatureValue.clone();
    }

    @Override
    public byte[] signedElement() {
        return signedElement.clone();
    }

    @Override
    public byte[] elementDigest() {
        return elementDigest.clone();
    }

    /**
     * Checks that the element's digest is the one signed and that the signature verifies.
     *
     * @throws OsciException of check MESSAGE_SIGNATURE when not
     */
    public void verify() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signedElement);
            if (!MessageDigest.isEqual(digest, elementDigest) || !contains(signedInfo, java.util.Base64.getEncoder()
                    .encodeToString(elementDigest).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new OsciException(OsciCheck.MESSAGE_SIGNATURE, "the process card was changed after the intermediary signed it");
            }
            Signature s = Signature.getInstance(algorithm.jcaName());
            if (algorithm.parameters().isPresent()) {
                s.setParameter(algorithm.parameters().get());
            }
            s.initVerify(signer.getPublicKey());
            s.update(signedInfo);
            if (!s.verify(signatureValue)) {
                throw new OsciException(OsciCheck.MESSAGE_SIGNATURE, "the intermediary's signature over the process card is invalid");
            }
        } catch (GeneralSecurityException e) {
            throw new OsciException(OsciCheck.MESSAGE_SIGNATURE, "the process card's signature cannot be checked: " + e.getMessage(), e);
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
