package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * BUYER (BG-7) with its postal address (BG-8) and contact (BG-9).
 *
 * @param name                Buyer name (BT-44)
 * @param tradingName         Buyer trading name (BT-45), or {@code null}
 * @param identifier          Buyer identifier (BT-46) with scheme, or {@code null}
 * @param legalRegistrationId Buyer legal registration identifier (BT-47) with scheme, or {@code null}
 * @param vatId               Buyer VAT identifier (BT-48), or {@code null}
 * @param electronicAddress   Buyer electronic address (BT-49) with scheme (BT-49-1), or {@code null}
 * @param address             BUYER POSTAL ADDRESS (BG-8), or {@code null}
 * @param contact             BUYER CONTACT (BG-9), or {@code null}
 */
public record Buyer(String name, String tradingName, Identifier identifier, Identifier legalRegistrationId,
                    String vatId, Identifier electronicAddress, PostalAddress address, Contact contact) {

    /** Turns empty texts into {@code null}. */
    public Buyer {
        name = Values.token(name);
        tradingName = Values.token(tradingName);
        vatId = Values.token(vatId);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this buyer's values */
    public Builder toBuilder() {
        return new Builder().name(name).tradingName(tradingName).identifier(identifier)
                .legalRegistrationId(legalRegistrationId).vatId(vatId).electronicAddress(electronicAddress)
                .address(address).contact(contact);
    }

    /** Builds a {@link Buyer}; not thread-safe. */
    public static final class Builder {
        private String name;
        private String tradingName;
        private Identifier identifier;
        private Identifier legalRegistrationId;
        private String vatId;
        private Identifier electronicAddress;
        private PostalAddress address;
        private Contact contact;

        private Builder() {
        }

        /**
         * @param v Buyer name (BT-44)
         * @return this
         */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /**
         * @param v Buyer trading name (BT-45)
         * @return this
         */
        public Builder tradingName(String v) {
            tradingName = v;
            return this;
        }

        /**
         * @param v Buyer identifier (BT-46)
         * @return this
         */
        public Builder identifier(Identifier v) {
            identifier = v;
            return this;
        }

        /**
         * @param v Buyer legal registration identifier (BT-47)
         * @return this
         */
        public Builder legalRegistrationId(Identifier v) {
            legalRegistrationId = v;
            return this;
        }

        /**
         * @param v Buyer VAT identifier (BT-48)
         * @return this
         */
        public Builder vatId(String v) {
            vatId = v;
            return this;
        }

        /**
         * @param v Buyer electronic address (BT-49) with scheme
         * @return this
         */
        public Builder electronicAddress(Identifier v) {
            electronicAddress = v;
            return this;
        }

        /**
         * @param v BUYER POSTAL ADDRESS (BG-8)
         * @return this
         */
        public Builder address(PostalAddress v) {
            address = v;
            return this;
        }

        /**
         * @param v BUYER CONTACT (BG-9)
         * @return this
         */
        public Builder contact(Contact v) {
            contact = v;
            return this;
        }

        /** @return the buyer */
        public Buyer build() {
            return new Buyer(name, tradingName, identifier, legalRegistrationId, vatId, electronicAddress, address,
                    contact);
        }
    }
}
