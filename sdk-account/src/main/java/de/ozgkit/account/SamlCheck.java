package de.ozgkit.account;

/**
 * The checks a relying party runs on a SAML response, in the order it runs them. A
 * {@link SamlValidationException} names the check that refused the message.
 */
public enum SamlCheck {
    /** The message is well-formed XML within the size, depth and attribute limits, without a DTD. */
    XML,
    /** The message has the SAML 2.0 shape: a {@code samlp:Response} (or a bare assertion where
     *  allowed), exactly one assertion, the elements the Web SSO profile requires, Version 2.0. */
    STRUCTURE,
    /** A signature by a trusted key of the identity provider covers the element that is read:
     *  allowed algorithms and transforms only, one reference, pointing at the element itself. */
    SIGNATURE,
    /** The encrypted assertion could be decrypted with the service provider's key and an allowed
     *  algorithm. */
    DECRYPTION,
    /** Text-only elements (NameID, attribute values, Issuer ...) hold only text: no comments,
     *  processing instructions or child elements that could make two readers see different text. */
    TEXT_CONTENT,
    /** The Issuer of response and assertion is the identity provider's entity id. */
    ISSUER,
    /** The response's Destination is this service provider's assertion consumer service. */
    DESTINATION,
    /** InResponseTo matches the request this service provider sent; unsolicited responses only
     *  when allowed. */
    IN_RESPONSE_TO,
    /** The identity provider reports success (other status codes become {@link SamlStatusException}). */
    STATUS,
    /** A bearer SubjectConfirmation exists, for this recipient, not expired. */
    SUBJECT_CONFIRMATION,
    /** The assertion's Conditions hold now (NotBefore, NotOnOrAfter, with the allowed clock skew). */
    CONDITIONS,
    /** The AudienceRestriction names this service provider's entity id. */
    AUDIENCE,
    /** The assertion holds an AuthnStatement with an authentication context. */
    AUTHN_STATEMENT,
    /** The authentication context reaches the requested minimum level of assurance. */
    LEVEL_OF_ASSURANCE,
    /** Attributes are well formed and carry known trust levels. */
    ATTRIBUTES,
    /** The assertion id was not seen before (one-time use). */
    REPLAY
}
