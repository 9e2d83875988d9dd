package de.ozgkit.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * An organisation unit (XZuFi {@code Organisationseinheit}), mostly an authority or one of its
 * offices: name, addresses, contact channels, opening hours, bank accounts and web addresses, and
 * the role it plays for the service asked about.
 *
 * @param id                 the PVOG id, e.g. {@code "RP.OE.1001"}
 * @param title              the unit's name
 * @param role               the role for the service given in the look-up ({@code 03} Ansprechpunkt without
 *                           one), may be {@code null} when the directory gives none
 * @param addresses          postal and visiting addresses
 * @param contacts           contact channels (phone, e-mail, fax ...)
 * @param openingHours       opening hours
 * @param openingHoursNote   free text about opening hours, may be {@code null}
 * @param bankAccounts       bank accounts for payments to the unit
 * @param internetAddresses  web addresses
 * @param lastUpdate         when the record last changed, may be {@code null}
 */
public record Organisationseinheit(String id, String title, Role role, List<Address> addresses, List<Contact> contacts,
                                   List<OpeningTime> openingHours, String openingHoursNote,
                                   List<BankAccount> bankAccounts, List<Link> internetAddresses, Instant lastUpdate) {

    /** Checks and copies. */
    public Organisationseinheit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        addresses = List.copyOf(addresses);
        contacts = List.copyOf(contacts);
        openingHours = List.copyOf(openingHours);
        bankAccounts = List.copyOf(bankAccounts);
        internetAddresses = List.copyOf(internetAddresses);
    }

    /**
     * An address (XZuFi {@code Anschrift}).
     *
     * @param type        the address type as sent, e.g. {@code "Hausanschrift"}, may be {@code null}
     * @param street      street, may be {@code null}
     * @param houseNumber house number, may be {@code null}
     * @param postcode    postcode, may be {@code null}
     * @param city        city, may be {@code null}
     */
    public record Address(String type, String street, String houseNumber, String postcode, String city) {
    }

    /**
     * A contact channel (XZuFi {@code Kommunikation}): the channel's code and name as sent and the
     * address on it.
     *
     * @param channelCode the channel code as sent, may be {@code null}
     * @param channelName the channel name as sent, e.g. {@code "Telefon"}, may be {@code null}
     * @param value       the number or address
     */
    public record Contact(String channelCode, String channelName, String value) {

        /** Checks the value. */
        public Contact {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * One opening interval on a weekday.
     *
     * @param day   the weekday
     * @param from  opening time
     * @param until closing time
     */
    public record OpeningTime(DayOfWeek day, LocalTime from, LocalTime until) {

        /** Checks the components. */
        public OpeningTime {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * A bank account (XZuFi {@code Bankverbindung}).
     *
     * @param accountHolder the account holder, may be {@code null}
     * @param iban          the IBAN as sent
     * @param bic           the BIC, may be {@code null}
     * @param bankName      the bank's name, may be {@code null}
     */
    public record BankAccount(String accountHolder, String iban, String bic, String bankName) {

        /** Checks the IBAN. */
        public BankAccount {
            Objects.requireNonNull(iban, "iban");
        }
    }
}
