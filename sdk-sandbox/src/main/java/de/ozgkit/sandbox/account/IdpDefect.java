package de.ozgkit.sandbox.account;

/**
 * Deliberately broken responses the sandbox identity provider produces on request, so that tests
 * can see a relying party refuse them. Chosen on the login form (field {@code defect}) or with
 * {@link SamlIdpSimulator#breakNextResponse(IdpDefect)}.
 */
public enum IdpDefect {
    /** A correct response. */
    NONE,
    /** Conditions and confirmation expired an hour ago. */
    EXPIRED,
    /** The Audience names another service provider. */
    WRONG_AUDIENCE,
    /** The bearer confirmation's Recipient is another URL. */
    WRONG_RECIPIENT,
    /** The response's Destination is another URL. */
    WRONG_DESTINATION,
    /** Response and assertion name another issuer. */
    WRONG_ISSUER,
    /** The response is signed, the assertion inside it is not. */
    UNSIGNED_ASSERTION,
    /** Signed with a key that is not in the metadata. */
    FOREIGN_KEY,
    /** An attribute value changed after signing. */
    TAMPERED,
    /** No InResponseTo at all (looks unsolicited). */
    NO_IN_RESPONSE_TO,
    /** InResponseTo names another request. */
    WRONG_IN_RESPONSE_TO,
    /** An XML comment in the NameID, inside the signature ({@code alice@example.org<!---->.evil} style). */
    COMMENT_IN_NAME_ID,
    /** An XML comment in the first attribute value, inside the signature. */
    COMMENT_IN_ATTRIBUTE_VALUE,
    /** The encrypted assertion uses AES-256-CBC instead of GCM (only with encryption). */
    AES_CBC,
    /** The content key is transported with RSA 1.5 instead of OAEP (only with encryption). */
    RSA_1_5
}
