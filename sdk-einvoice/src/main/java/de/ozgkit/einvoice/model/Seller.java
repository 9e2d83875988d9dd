package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * SELLER (BG-4) with its postal address (BG-5) and contact (BG-6).
 *
 * <pre>{@code
 * Seller seller = Seller.builder()
 *         .name("Stadtwerke Musterstadt GmbH")
 *         .vatId("DE123456789")
 *         .electronicAddress(Identifier.of("rechnung@stadtwerke.example", "EM"))
 *         .address(PostalAddress.of("Hauptstr. 1", "12345", "Musterstadt", "DE"))
 *         .contact(new Contact("Buchhaltung", "+49 30 1234567", "buchhaltung@stadtwerke.example"))
 *         .build();
 * }</pre>
 *
 * @param name                       Seller name (BT-27)
 * @param tradingName                Seller trading name (BT-28), or {@code null}
 * @param identifiers                Seller identifiers (BT-29) with their scheme; never {@code null}
 * @param legalRegistrationId        Seller legal registration identifier (BT-30) with scheme, or {@code null}
 * @param vatId                      Seller VAT identifier (BT-31), e.g. {@code "DE123456789"}, or {@code null}
 * @param taxRegistrationId          Seller tax registration identifier (BT-32), the German Steuernummer, or {@code null}
 * @param additionalLegalInformation Seller additional legal information (BT-33), or {@code null}
 * @param electronicAddress          Seller electronic address (BT-34) with scheme (BT-34-1), or {@code null}
 * @param address                    SELLER POSTAL ADDRESS (BG-5), or {@code null}
 * @param contact                    SELLER CONTACT (BG-6), or {@code null}
 */
public record Seller(String name, String tradingName, List<Identifier> identifiers, Identifier legalRegistrationId,
                     String vatId, String taxRegistrationId, String additionalLegalInformation,
                     Identifier electronicAddress, PostalAddress address, Contact contact) {

    /** Copies the identifier list and turns empty texts into {@code null}. */
    public Seller {
        name = Values.token(name);
        tradingName = Values.token(tradingName);
        identifiers = Values.list(identifiers);
        vatId = Values.token(vatId);
        taxRegistrationId = Values.token(taxRegistrationId);
        additionalLegalInformation = Values.token(additionalLegalInformation);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this seller's values */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).tradingName(tradingName).legalRegistrationId(legalRegistrationId)
                .vatId(vatId).taxRegistrationId(taxRegistrationId).additionalLegalInformation(additionalLegalInformation)
                .electronicAddress(electronicAddress).address(address).contact(contact);
        b.identifiers.addAll(identifiers);
        return b;
    }

    /** Builds a {@link Seller}; not thread-safe. */
    public static final class Builder {
        private String name;
        private String tradingName;
        private final List<Identifier> identifiers = new ArrayList<>();
        private Identifier legalRegistrationId;
        private String vatId;
        private String taxRegistrationId;
        private String additionalLegalInformation;
        private Identifier electronicAddress;
        private PostalAddress address;
        private Contact contact;

        private Builder() {
        }

        /**
         * @param v Seller name (BT-27)
         * @return this
         */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /**
         * @param v Seller trading name (BT-28)
         * @return this
         */
        public Builder tradingName(String v) {
            tradingName = v;
            return this;
        }

        /**
         * @param v a Seller identifier (BT-29), added to those already set
         * @return this
         */
        public Builder addIdentifier(Identifier v) {
            identifiers.add(v);
            return this;
        }

        /**
         * @param v Seller legal registration identifier (BT-30)
         * @return this
         */
        public Builder legalRegistrationId(Identifier v) {
            legalRegistrationId = v;
            return this;
        }

        /**
         * @param v Seller VAT identifier (BT-31)
         * @return this
         */
        public Builder vatId(String v) {
            vatId = v;
            return this;
        }

        /**
         * @param v Seller tax registration identifier (BT-32)
         * @return this
         */
        public Builder taxRegistrationId(String v) {
            taxRegistrationId = v;
            return this;
        }

        /**
         * @param v Seller additional legal information (BT-33)
         * @return this
         */
        public Builder additionalLegalInformation(String v) {
            additionalLegalInformation = v;
            return this;
        }

        /**
         * @param v Seller electronic address (BT-34) with scheme
         * @return this
         */
        public Builder electronicAddress(Identifier v) {
            electronicAddress = v;
            return this;
        }

        /**
         * @param v SELLER POSTAL ADDRESS (BG-5)
         * @return this
         */
        public Builder address(PostalAddress v) {
            address = v;
            return this;
        }

        /**
         * @param v SELLER CONTACT (BG-6)
         * @return this
         */
        public Builder contact(Contact v) {
            contact = v;
            return this;
        }

        /** @return the seller */
        public Seller build() {
            return new Seller(name, tradingName, identifiers, legalRegistrationId, vatId, taxRegistrationId,
                    additionalLegalInformation, electronicAddress, address, contact);
        }
    }
}
