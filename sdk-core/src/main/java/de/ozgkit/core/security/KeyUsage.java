package de.ozgkit.core.security;

/**
 * Key usage bits of an X.509 certificate (RFC 5280, section 4.2.1.3), in the order of the bit string.
 */
public enum KeyUsage {
    /** digitalSignature (bit 0): signatures other than on certificates and CRLs, e.g. TLS handshakes. */
    DIGITAL_SIGNATURE,
    /** nonRepudiation, also contentCommitment (bit 1): signatures that commit to content. */
    NON_REPUDIATION,
    /** keyEncipherment (bit 2): transporting keys, e.g. RSA key exchange or RSA-OAEP. */
    KEY_ENCIPHERMENT,
    /** dataEncipherment (bit 3): encrypting data directly with the public key. */
    DATA_ENCIPHERMENT,
    /** keyAgreement (bit 4): key agreement, e.g. ECDH. */
    KEY_AGREEMENT,
    /** keyCertSign (bit 5): signing certificates (CAs). */
    KEY_CERT_SIGN,
    /** cRLSign (bit 6): signing CRLs. */
    CRL_SIGN,
    /** encipherOnly (bit 7). */
    ENCIPHER_ONLY,
    /** decipherOnly (bit 8). */
    DECIPHER_ONLY;

    /** @return the bit's index in the key usage bit string, as in {@code X509Certificate.getKeyUsage()} */
    public int bit() {
        return ordinal();
    }
}
