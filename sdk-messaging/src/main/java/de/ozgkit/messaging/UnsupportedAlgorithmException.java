package de.ozgkit.messaging;

/**
 * An algorithm that ozgkit refuses (3DES, AES-CBC, SHA-1, RSA keys under 2048 bits) or does not
 * know. The message names the algorithm.
 */
public class UnsupportedAlgorithmException extends OsciException {
    private static final long serialVersionUID = 1L;

    private final String algorithm;

    /**
     * @param algorithm the algorithm identifier (a URI on the wire, or a key description)
     * @param message   why it is refused and what to use instead
     */
    public UnsupportedAlgorithmException(String algorithm, String message) {
        super(OsciCheck.ALGORITHM, message);
        this.algorithm = algorithm;
    }

    /** @return the refused algorithm as named on the wire */
    public String algorithm() {
        return algorithm;
    }
}
