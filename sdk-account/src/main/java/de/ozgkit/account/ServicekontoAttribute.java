package de.ozgkit.account;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The attributes of the citizen accounts (BundID and the Servicekonten of the Länder) by object
 * identifier, as they are requested in the akdb extension and returned as SAML attribute names
 * ({@code urn:oid:<oid>}).
 */
public enum ServicekontoAttribute {
    /** bPK2, the sector-specific person identifier that stays the same across logins. */
    BPK2("1.3.6.1.4.1.25484.494450.3", "bPK2"),
    /** The postkorb handle: the id of the citizen's mailbox (Postfach), {@code mailboxUuid} there. */
    POSTKORB_HANDLE("2.5.4.18", "postkorbHandle"),
    /** Given names. */
    GIVEN_NAME("2.5.4.42", "givenName"),
    /** Surname. */
    SURNAME("2.5.4.4", "surname"),
    /** E-mail address. */
    MAIL("0.9.2342.19200300.100.1.3", "mail"),
    /** Date of birth ({@code yyyy-MM-dd}; partly unknown dates keep the IdP's text). */
    BIRTHDATE("1.2.40.0.10.2.1.1.55", "birthdate"),
    /** Place of birth. */
    PLACE_OF_BIRTH("1.3.6.1.5.5.7.9.2", "placeOfBirth"),
    /** Birth name. */
    BIRTH_NAME("1.2.40.0.10.2.1.1.225566", "birthName"),
    /** Street and house number ({@code postalAddress}). */
    POSTAL_ADDRESS("2.5.4.16", "postalAddress"),
    /** Postal code. */
    POSTAL_CODE("2.5.4.17", "postalCode"),
    /** Locality (town). */
    LOCALITY("2.5.4.7", "localityName"),
    /** Country. */
    COUNTRY("1.2.40.0.10.2.1.1.225599", "country"),
    /** Gender. */
    GENDER("1.3.6.1.4.1.33592.1.3.5", "gender"),
    /** Nationality. */
    NATIONALITY("1.2.40.0.10.2.1.1.225577", "nationality"),
    /** Academic title. */
    PERSONAL_TITLE("0.9.2342.19200300.100.1.40", "personalTitle"),
    /** The level of assurance of the login ({@code EID-CITIZEN-QAA-LEVEL}), e.g. {@code STORK-QAA-Level-4}. */
    TRUST_LEVEL("1.2.40.0.10.2.1.1.261.94", "eidCitizenQaaLevel");

    /** Prefix of attribute names in URI form. */
    public static final String URN_OID = "urn:oid:";

    private final String oid;
    private final String friendlyName;

    ServicekontoAttribute(String oid, String friendlyName) {
        this.oid = oid;
        this.friendlyName = friendlyName;
    }

    /** @return the object identifier, e.g. {@code "2.5.4.42"} */
    public String oid() {
        return oid;
    }

    /** @return the attribute name as sent, e.g. {@code "urn:oid:2.5.4.42"} */
    public String urn() {
        return URN_OID + oid;
    }

    /** @return a readable name, e.g. {@code "givenName"} */
    public String friendlyName() {
        return friendlyName;
    }

    /**
     * Finds an attribute by its SAML name. Accepts {@code urn:oid:2.5.4.42}, the bare OID and the
     * form with a space after the colon ({@code urn:oid: 2.5.4.42}) that a well-known simulator
     * sends; surrounding white space is ignored.
     *
     * @param name the attribute name, may be {@code null}
     * @return the attribute, empty when unknown
     */
    public static Optional<ServicekontoAttribute> lookup(String name) {
        String oid = oidOf(name);
        return Arrays.stream(values()).filter(a -> a.oid.equals(oid)).findFirst();
    }

    /**
     * Like {@link #lookup(String)}, failing for unknown names.
     *
     * @param name the attribute name
     * @return the attribute
     * @throws UnknownCodeException when the name is not a known Servicekonto attribute
     */
    public static ServicekontoAttribute fromCode(String name) {
        return lookup(name).orElseThrow(() -> new UnknownCodeException("Servicekonto attribute", name,
                Arrays.stream(values()).map(ServicekontoAttribute::urn).toList()));
    }

    /**
     * The OID of an attribute name: strips {@code urn:oid:} (also with white space after the colon)
     * and surrounding white space; other names come back stripped only.
     *
     * @param name the attribute name, may be {@code null}
     * @return the OID or the stripped name; {@code ""} for {@code null}
     */
    public static String oidOf(String name) {
        if (name == null) {
            return "";
        }
        String n = name.strip();
        if (n.regionMatches(true, 0, URN_OID, 0, URN_OID.length())) {
            n = n.substring(URN_OID.length()).strip();
        }
        return n;
    }
}
