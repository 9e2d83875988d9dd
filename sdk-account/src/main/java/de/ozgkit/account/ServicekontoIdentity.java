package de.ozgkit.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity a Servicekonto / BundID login established: subject, level of assurance and the
 * attributes, each with the trust level the identity provider asserted for it. Only the relying
 * party creates it, after every check of the response passed.
 *
 * <pre>{@code
 * ServicekontoIdentity id = serviceProvider.acceptResponse(samlResponse, pendingRequest);
 * String handle = id.require(ServicekontoAttribute.POSTKORB_HANDLE, TrustLevel.NORMAL);
 * boolean fromIdCard = id.meets(ServicekontoAttribute.POSTAL_ADDRESS, TrustLevel.HOCH);
 * }</pre>
 *
 * <p>Immutable. {@link #toString()} leaves out every personal value.
 *
 * @param issuer           the identity provider's entity id
 * @param assertionId      the assertion's ID (used for replay protection)
 * @param nameId           the subject's NameID, exactly as sent
 * @param nameIdFormat     the NameID's Format, may be {@code null}
 * @param sessionIndex     the AuthnStatement's SessionIndex, may be {@code null}
 * @param authnInstant     when the citizen authenticated
 * @param authnContext     the AuthnContextClassRef as sent, e.g. {@code STORK-QAA-Level-3}, may be {@code null}
 * @param levelOfAssurance the level of the login, may be {@code null} when the context is not a STORK level
 * @param attributes       the attributes in document order
 */
public record ServicekontoIdentity(String issuer, String assertionId, String nameId, String nameIdFormat,
                                   String sessionIndex, Instant authnInstant, String authnContext,
                                   TrustLevel levelOfAssurance, List<AssertedAttribute> attributes) {

    /** Checks the components and copies the attribute list. */
    public ServicekontoIdentity {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(assertionId, "assertionId");
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(authnInstant, "authnInstant");
        attributes = List.copyOf(attributes);
    }

    /**
     * Finds an attribute by name: {@code urn:oid:2.5.4.42}, the bare OID, the form with a space
     * after the colon, or any other name exactly as sent.
     *
     * @param name the name
     * @return the first attribute of that name
     */
    public Optional<AssertedAttribute> attribute(String name) {
        String oid = ServicekontoAttribute.oidOf(name);
        return attributes.stream().filter(a -> a.oid().equals(oid) || a.name().equals(name)).findFirst();
    }

    /**
     * @param attribute the attribute
     * @return the attribute as asserted
     */
    public Optional<AssertedAttribute> attribute(ServicekontoAttribute attribute) {
        return attribute(attribute.oid());
    }

    /**
     * The first value of an attribute, whatever its trust level.
     *
     * @param attribute the attribute
     * @return the value
     */
    public Optional<String> value(ServicekontoAttribute attribute) {
        return attribute(attribute).flatMap(AssertedAttribute::value);
    }

    /**
     * @param attribute the attribute
     * @param required  the minimum trust level
     * @return whether the attribute is present with a value and at least that trust level
     */
    public boolean meets(ServicekontoAttribute attribute, TrustLevel required) {
        return attribute(attribute).filter(a -> a.value().isPresent() && a.meets(required)).isPresent();
    }

    /**
     * The first value of an attribute the application relies on at a given trust level.
     *
     * @param attribute the attribute
     * @param required  the minimum trust level
     * @return the value
     * @throws InsufficientTrustLevelException when the attribute is missing, has no value, or was
     *                                         asserted below {@code required} (or without a level)
     */
    public String require(ServicekontoAttribute attribute, TrustLevel required) {
        Optional<AssertedAttribute> a = attribute(attribute);
        if (a.isEmpty() || a.get().value().isEmpty()) {
            throw new InsufficientTrustLevelException(attribute.urn(), required, null, "attribute "
                    + attribute.friendlyName() + " (" + attribute.urn() + ") is missing; request it in the"
                    + " LoginRequest and check that the citizen's account holds it");
        }
        if (!a.get().meets(required)) {
            throw new InsufficientTrustLevelException(attribute.urn(), required, a.get().trustLevel(), "attribute "
                    + attribute.friendlyName() + " (" + attribute.urn() + ") was asserted with trust level "
                    + a.get().trustLevel() + ", below the required " + required
                    + "; ask the citizen to log in with a stronger method (e.g. the ID card)");
        }
        return a.get().value().orElseThrow();
    }

    /** @return the bPK2 */
    public Optional<AssertedAttribute> bpk2() {
        return attribute(ServicekontoAttribute.BPK2);
    }

    /** @return the postkorb handle (mailbox id for the Postfach) */
    public Optional<AssertedAttribute> postkorbHandle() {
        return attribute(ServicekontoAttribute.POSTKORB_HANDLE);
    }

    /** @return the given names */
    public Optional<AssertedAttribute> givenName() {
        return attribute(ServicekontoAttribute.GIVEN_NAME);
    }

    /** @return the surname */
    public Optional<AssertedAttribute> surname() {
        return attribute(ServicekontoAttribute.SURNAME);
    }

    /** @return the e-mail address */
    public Optional<AssertedAttribute> mail() {
        return attribute(ServicekontoAttribute.MAIL);
    }

    /** @return the date of birth as sent */
    public Optional<AssertedAttribute> birthdate() {
        return attribute(ServicekontoAttribute.BIRTHDATE);
    }

    /** @return the place of birth */
    public Optional<AssertedAttribute> placeOfBirth() {
        return attribute(ServicekontoAttribute.PLACE_OF_BIRTH);
    }

    /** @return the birth name */
    public Optional<AssertedAttribute> birthName() {
        return attribute(ServicekontoAttribute.BIRTH_NAME);
    }

    /** @return street and house number */
    public Optional<AssertedAttribute> postalAddress() {
        return attribute(ServicekontoAttribute.POSTAL_ADDRESS);
    }

    /** @return the postal code */
    public Optional<AssertedAttribute> postalCode() {
        return attribute(ServicekontoAttribute.POSTAL_CODE);
    }

    /** @return the locality */
    public Optional<AssertedAttribute> locality() {
        return attribute(ServicekontoAttribute.LOCALITY);
    }

    /** @return the country */
    public Optional<AssertedAttribute> country() {
        return attribute(ServicekontoAttribute.COUNTRY);
    }

    /** @return the gender */
    public Optional<AssertedAttribute> gender() {
        return attribute(ServicekontoAttribute.GENDER);
    }

    /** @return the level of assurance of the login, when the context is a STORK level */
    public Optional<TrustLevel> level() {
        return Optional.ofNullable(levelOfAssurance);
    }

    /**
     * Reads the business account profile.
     *
     * @param profile which attribute names carry the business data
     * @return the business account, empty when the company name attribute is absent
     */
    public Optional<BusinessAccount> businessAccount(BusinessAccountProfile profile) {
        Optional<AssertedAttribute> company = attribute(profile.companyName());
        return company.map(c -> new BusinessAccount(c, attribute(profile.legalForm()).orElse(null),
                attribute(profile.registerNumber()).orElse(null), attribute(profile.registerCourt()).orElse(null)));
    }

    /** A description without personal data: issuer, level and attribute names with their levels. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ServicekontoIdentity[issuer=").append(issuer)
                .append(", level=").append(levelOfAssurance).append(", attributes=");
        for (int i = 0; i < attributes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(attributes.get(i).oid()).append('@').append(attributes.get(i).trustLevel());
        }
        return sb.append(']').toString();
    }
}
