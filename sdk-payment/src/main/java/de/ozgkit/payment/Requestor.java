package de.ozgkit.payment;

import de.ozgkit.core.UnknownCodeException;
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
 *
 * @param name             the (family) name, may be {@code null}
 * @param firstName        the first name, may be {@code null}
 * @param gender           the gender, may be {@code null}
 * @param isOrganization   whether the requestor is an organisation ({@code isOrganization})
 * @param organizationName the organisation's name, may be {@code null}
 * @param address          the postal address, may be {@code null}
 */
public record Requestor(String name, String firstName, Gender gender, boolean isOrganization, String organizationName,
                        Address address) {

    /** Gender as XBezahldienste codes it. */
    public enum Gender {
        /** Male. */
        M,
        /** Female. */
        F,
        /** Diverse. */
        D;

        /** @return the code as sent on the wire */
        public String code() {
            return name();
        }

        /**
         * @param code {@code "M"}, {@code "F"} or {@code "D"}
         * @return the gender
         * @throws UnknownCodeException for another code
         */
        public static Gender fromCode(String code) {
            return lookup(code).orElseThrow(() -> new UnknownCodeException("XBezahldienste gender", code,
                    List.of("M", "F", "D")));
        }

        /**
         * @param code a code as sent on the wire, may be {@code null}
         * @return the gender, empty when unknown
         */
        public static Optional<Gender> lookup(String code) {
            if (code != null) {
                String upper = code.trim().toUpperCase(Locale.ROOT);
                for (Gender g : values()) {
                    if (g.name().equals(upper)) {
                        return Optional.of(g);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Checks the values.
     *
     * @throws InvalidPaymentFieldException when a text is blank, too long or holds control characters
     */
    public Requestor {
        Limits.plainText("requestor.name", name, 250);
        Limits.plainText("requestor.firstName", firstName, 250);
        Limits.plainText("requestor.organizationName", organizationName, 250);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
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
            return new Requestor(name, firstName, gender, organization, organizationName, address);
        }
    }

    /**
     * A postal address of the requestor. Personal data: {@link #toString()} shows none of it.
     * Immutable and thread-safe.
     *
     * @param street       the street, may be {@code null}
     * @param houseNumber  the house number, may be {@code null}
     * @param addressLines further address lines (at most 9), never {@code null}
     * @param postalCode   the postal code, may be {@code null}
     * @param city         the city, may be {@code null}
     * @param country      the ISO 3166-1 alpha-2 country code, may be {@code null}
     */
    public record Address(String street, String houseNumber, List<String> addressLines, String postalCode, String city,
                          String country) {

        /**
         * Checks the values.
         *
         * @throws InvalidPaymentFieldException when a field breaks a rule
         */
        public Address {
            Limits.plainText("requestor.address.street", street, 250);
            Limits.plainText("requestor.address.houseNumber", houseNumber, 250);
            List<String> lines = addressLines == null ? List.of() : new ArrayList<>(addressLines);
            if (lines.size() > 9) {
                throw new InvalidPaymentFieldException("requestor.address.addressLine", "must have at most 9 lines",
                        lines.size() + " lines");
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) == null) {
                    throw new InvalidPaymentFieldException("requestor.address.addressLine[" + i + "]", "is required",
                            "absent");
                }
                Limits.plainText("requestor.address.addressLine[" + i + "]", lines.get(i), 250);
            }
            addressLines = List.copyOf(lines);
            Limits.plainText("requestor.address.postalCode", postalCode, 250);
            Limits.plainText("requestor.address.city", city, 250);
            if (country != null && !country.matches("[A-Z]{2}")) {
                throw new InvalidPaymentFieldException("requestor.address.country",
                        "must be an ISO 3166-1 alpha-2 code in upper case, e.g. DE", country.length() + " characters"
                                + (country.length() == 2 ? " that are not two upper-case letters" : ""));
            }
        }

        /** @return a new builder */
        public static AddressBuilder builder() {
            return new AddressBuilder();
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
            return new Address(street, houseNumber, addressLines, postalCode, city, country);
        }
    }
}
