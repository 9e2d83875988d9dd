package de.ozgkit.sandbox.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A test citizen (or business) of the sandbox identity provider: a persistent NameID and
 * attributes, each with the level of assurance of its source (e.g. the ID card gives HOCH, a
 * self-entered e-mail address UNTERGEORDNET). The trust level asserted for an attribute is the
 * lower of its source level and the level of the login.
 *
 * @param key         the identity's key on the login page and in tests
 * @param label       what the login page shows
 * @param nameId      the persistent NameID
 * @param attributes  attribute name ({@code urn:oid:...}) to value and source level (1..4)
 */
public record TestIdentity(String key, String label, String nameId, Map<String, Value> attributes) {

    /** OID names of the attributes the test identities carry. */
    static final String BPK2 = "urn:oid:1.3.6.1.4.1.25484.494450.3";
    static final String POSTKORB = "urn:oid:2.5.4.18";
    static final String GIVEN = "urn:oid:2.5.4.42";
    static final String SURNAME = "urn:oid:2.5.4.4";
    static final String MAIL = "urn:oid:0.9.2342.19200300.100.1.3";
    static final String BIRTHDATE = "urn:oid:1.2.40.0.10.2.1.1.55";
    static final String PLACE_OF_BIRTH = "urn:oid:1.3.6.1.5.5.7.9.2";
    static final String BIRTH_NAME = "urn:oid:1.2.40.0.10.2.1.1.225566";
    static final String STREET = "urn:oid:2.5.4.16";
    static final String POSTAL_CODE = "urn:oid:2.5.4.17";
    static final String LOCALITY = "urn:oid:2.5.4.7";
    static final String COUNTRY = "urn:oid:1.2.40.0.10.2.1.1.225599";
    static final String GENDER = "urn:oid:1.3.6.1.4.1.33592.1.3.5";
    /** The level of the login as an attribute (EID-CITIZEN-QAA-LEVEL). */
    public static final String QAA_LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.94";

    /**
     * An attribute value with the level of assurance of its source.
     *
     * @param value       the value, exactly as it is sent
     * @param sourceLevel 1..4
     */
    public record Value(String value, int sourceLevel) {
    }

    /** Copies the attributes. */
    public TestIdentity {
        Objects.requireNonNull(key, "key");
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * The identities the sandbox offers: Erika Mustermann (ID card, address with U+1E9E), Max
     * Mustermann (basic registration, e-mail only verified), and the business account of
     * Musterbau GmbH.
     *
     * @return the test identities
     */
    public static List<TestIdentity> defaults() {
        Map<String, Value> erika = new LinkedHashMap<>();
        erika.put(BPK2, new Value("bPK2-ERIKA-0001-7f3c9a", 4));
        erika.put(POSTKORB, new Value("5f0c8a4e-3b1d-4c6a-9e27-erika0000001", 4));
        erika.put(GIVEN, new Value("Erika", 4));
        erika.put(SURNAME, new Value("Mustermann", 4));
        erika.put(BIRTH_NAME, new Value("Gabler", 4));
        erika.put(BIRTHDATE, new Value("1964-08-12", 4));
        erika.put(PLACE_OF_BIRTH, new Value("Berlin", 4));
        erika.put(STREET, new Value("GROẞE STRAẞE 7", 4));
        erika.put(POSTAL_CODE, new Value("51147", 4));
        erika.put(LOCALITY, new Value("Köln", 4));
        erika.put(COUNTRY, new Value("D", 4));
        erika.put(GENDER, new Value("2", 2));
        erika.put(MAIL, new Value("erika.mustermann@example.org", 2));
        Map<String, Value> max = new LinkedHashMap<>();
        max.put(BPK2, new Value("bPK2-MAX-0002-1b2d4e", 2));
        max.put(POSTKORB, new Value("9a7b6c5d-4e3f-4a1b-8c2d-max000000002", 2));
        max.put(GIVEN, new Value("Max", 1));
        max.put(SURNAME, new Value("Mustermann", 1));
        max.put(MAIL, new Value("max@example.org", 2));
        max.put(STREET, new Value("Hauptstraße 1", 1));
        max.put(POSTAL_CODE, new Value("10115", 1));
        max.put(LOCALITY, new Value("Berlin", 1));
        Map<String, Value> firm = new LinkedHashMap<>();
        firm.put(BPK2, new Value("bPK2-FIRM-0003-aa55cc", 3));
        firm.put(POSTKORB, new Value("c3d2e1f0-aaaa-4bbb-8ccc-musterbau003", 3));
        firm.put(GIVEN, new Value("Hans", 3));
        firm.put(SURNAME, new Value("Bauer", 3));
        firm.put("urn:ozgkit:unternehmenskonto:firmenname", new Value("Musterbau GmbH & Co. KG", 3));
        firm.put("urn:ozgkit:unternehmenskonto:rechtsform", new Value("GmbH & Co. KG", 3));
        firm.put("urn:ozgkit:unternehmenskonto:registernummer", new Value("HRA 12345", 3));
        firm.put("urn:ozgkit:unternehmenskonto:registergericht", new Value("Amtsgericht Köln", 3));
        return List.of(
                new TestIdentity("erika", "Erika Mustermann (Online-Ausweis)", "erika-7f3c9a1e", erika),
                new TestIdentity("max", "Max Mustermann (Basisregistrierung)", "max-1b2d4e6f", max),
                new TestIdentity("musterbau", "Musterbau GmbH & Co. KG (Unternehmenskonto)", "firm-aa55cc77", firm));
    }
}
