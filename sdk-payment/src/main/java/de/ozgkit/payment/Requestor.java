package de.ozgkit.payment;

import de.ozgkit.payment.internal.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The person or organisation that pays ({@code requestor} of an XBezahldienste payment request),
 * optional; providers may prefill the paypage with it.
 *
 * <p>This is personal data: {@link #toString()} shows none of it, and ozgkit never puts it into
 * messages or logs. Text fields are at most 250 characters without control characters (the
 * standard sets no lengths here; 250 is ozgkit's bound); {@code gender} is M, F or D; the address
 * has at most 9 address lines and an ISO 3166-1 alpha-2 country code.
 *
 * <p>Immutable and thread-safe.
 */
public final class Requestor {

    /** Gender as XBezahldienste codes it. */
    public enum Gender {
        /** Male. */
        M,
        /** Female. */
        F,
        /** Diverse. */
        D;

        /**
         * @param code {@code "M"}, {@code "F"} or {@code "D"}
         * @return the gender
         * @throws IllegalArgumentException for another code
         */
        public static Gender fromCode(String code) {
            if (code != null) {
                for (Gender g : values()) {
                    if (g.name().equals(code.trim().toUpperCase(Locale.ROOT))) {
                        return g;
                    }
                }
            }
            throw new IllegalArgumentException("unknown gender code; known are M, F, D");
        }
    }

    private final String name;
    private final String firstName;
    private final Gender gender;
    private final boolean organization;
    private final String organizationName;
    private final Address address;

    private Requestor(Builder b) {
        this.name = Limits.plainText("requestor.name", b.name, 250);
        this.firstName = Limits.plainText("requestor.firstName", b.firstName, 250);
        this.gender = b.gender;
        this.organization = b.organization;
        this.organizationName = Limits.plainText("requestor.organizationName", b.organizationName, 250);
        this.address = b.address;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the (family) name, if given */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the first name, if given */
    public Optional<String> firstName() {
        return Optional.ofNullable(firstName);
    }

    /** @return the gender, if given */
    public Optional<Gender> gender() {
        return Optional.ofNullable(gender);
    }

    /** @return whether the requestor is an organisation ({@code isOrganization}) */
    public boolean isOrganization() {
        return organization;
    }

    /** @return the organisation's name, if given */
    public Optional<String> organizationName() {
        return Optional.ofNullable(organizationName);
    }

    /** @return the postal address, if given */
    public Optional<Address> address() {
        return Optional.ofNullable(address);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Requestor r && Objects.equals(name, r.name) && Objects.equals(firstName, r.firstName)
                && gender == r.gender && organization == r.organization
                && Objects.equals(organizationName, r.organizationName) && Objects.equals(address, r.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, firstName, gender, organization, organizationName, address);
    }

    /** @return a marker only; the content is personal data */
    @Override
    public String toString() {
        return "Requestor[<personal data>]";
    }

    /** Builds a {@link Requestor}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String firstName;
        private Gender gender;
        private boolean organization;
        private String organizationName;
        private Address address;

        private Builder() {
        }

        /**
         * @param name the (family) name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param firstName the first name
         * @return this builder
         */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /**
         * @param gender the gender
         * @return this builder
         */
        public Builder gender(Gender gender) {
            this.gender = gender;
            return this;
        }

        /**
         * @param organization whether the requestor is an organisation
         * @return this builder
         */
        public Builder organization(boolean organization) {
            this.organization = organization;
            return this;
        }

        /**
         * @param organizationName the organisation's name
         * @return this builder
         */
        public Builder organizationName(String organizationName) {
            this.organizationName = organizationName;
            return this;
        }

        /**
         * @param address the postal address
         * @return this builder
         */
        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        /**
         * @return the requestor
         * @throws InvalidPaymentFieldException when a field breaks a rule
         */
        public Requestor build() {
            return new Requestor(this);
        }
    }

    /**
     * A postal address of the requestor. Personal data: {@link #toString()} shows none of it.
     * Immutable and thread-safe.
     */
    public static final class Address {
        private final String street;
        private final String houseNumber;
        private final List<String> addressLines;
        private final String postalCode;
        private final String city;
        private final String country;

        private Address(AddressBuilder b) {
            this.street = Limits.plainText("requestor.address.street", b.street, 250);
            this.houseNumber = Limits.plainText("requestor.address.houseNumber", b.houseNumber, 250);
            if (b.addressLines.size() > 9) {
                throw new InvalidPaymentFieldException("requestor.address.addressLine", "must have at most 9 lines",
                        b.addressLines.size() + " lines");
            }
            for (int i = 0; i < b.addressLines.size(); i++) {
                Limits.plainText("requestor.address.addressLine[" + i + "]", b.addressLines.get(i), 250);
            }
            this.addressLines = List.copyOf(b.addressLines);
            this.postalCode = Limits.plainText("requestor.address.postalCode", b.postalCode, 250);
            this.city = Limits.plainText("requestor.address.city", b.city, 250);
            if (b.country != null && !b.country.matches("[A-Z]{2}")) {
                throw new InvalidPaymentFieldException("requestor.address.country",
                        "must be an ISO 3166-1 alpha-2 code in upper case, e.g. DE", b.country.length() + " characters"
                                + (b.country.length() == 2 ? " that are not two upper-case letters" : ""));
            }
            this.country = b.country;
        }

        /** @return a new builder */
        public static AddressBuilder builder() {
            return new AddressBuilder();
        }

        /** @return the street, if given */
        public Optional<String> street() {
            return Optional.ofNullable(street);
        }

        /** @return the house number, if given */
        public Optional<String> houseNumber() {
            return Optional.ofNullable(houseNumber);
        }

        /** @return further address lines (at most 9), never {@code null} */
        public List<String> addressLines() {
            return addressLines;
        }

        /** @return the postal code, if given */
        public Optional<String> postalCode() {
            return Optional.ofNullable(postalCode);
        }

        /** @return the city, if given */
        public Optional<String> city() {
            return Optional.ofNullable(city);
        }

        /** @return the ISO 3166-1 alpha-2 country code, if given */
        public Optional<String> country() {
            return Optional.ofNullable(country);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && Objects.equals(street, a.street) && Objects.equals(houseNumber, a.houseNumber)
                    && addressLines.equals(a.addressLines) && Objects.equals(postalCode, a.postalCode)
                    && Objects.equals(city, a.city) && Objects.equals(country, a.country);
        }

        @Override
        public int hashCode() {
            return Objects.hash(street, houseNumber, addressLines, postalCode, city, country);
        }

        /** @return a marker only; the content is personal data */
        @Override
        public String toString() {
            return "Address[<personal data>]";
        }
    }

    /** Builds an {@link Address}. Not thread-safe. */
    public static final class AddressBuilder {
        private String street;
        private String houseNumber;
        private final List<String> addressLines = new ArrayList<>();
        private String postalCode;
        private String city;
        private String country;

        private AddressBuilder() {
        }

        /**
         * @param street the street
         * @return this builder
         */
        public AddressBuilder street(String street) {
            this.street = street;
            return this;
        }

        /**
         * @param houseNumber the house number
         * @return this builder
         */
        public AddressBuilder houseNumber(String houseNumber) {
            this.houseNumber = houseNumber;
            return this;
        }

        /**
         * Adds an address line (at most 9).
         *
         * @param line the line
         * @return this builder
         */
        public AddressBuilder addressLine(String line) {
            addressLines.add(Objects.requireNonNull(line, "line"));
            return this;
        }

        /**
         * @param postalCode the postal code
         * @return this builder
         */
        public AddressBuilder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        /**
         * @param city the city
         * @return this builder
         */
        public AddressBuilder city(String city) {
            this.city = city;
            return this;
        }

        /**
         * @param country ISO 3166-1 alpha-2, e.g. {@code "DE"}
         * @return this builder
         */
        public AddressBuilder country(String country) {
            this.country = country;
            return this;
        }

        /**
         * @return the address
         * @throws InvalidPaymentFieldException when a field breaks a rule
         */
        public Address build() {
            return new Address(this);
        }
    }
}
