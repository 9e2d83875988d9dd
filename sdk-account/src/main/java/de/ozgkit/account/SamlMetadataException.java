package de.ozgkit.account;

/**
 * SAML metadata could not be used: not readable, not an EntityDescriptor with the expected role,
 * without signing certificates or single sign-on endpoints.
 */
public class SamlMetadataException extends AccountException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the metadata and how to fix it
     * @param cause   the underlying failure, may be {@code null}
     */
    public SamlMetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
