package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Calculations;
import de.ozgkit.einvoice.internal.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * INVOICE LINE (BG-25) with its period (BG-26), allowances (BG-27), charges (BG-28), price details
 * (BG-29), VAT information (BG-30) and item (BG-31); in the XRechnung Extension also SUB INVOICE
 * LINEs (BG-DEX-01), which only UBL can carry.
 *
 * <pre>{@code
 * InvoiceLine line = InvoiceLine.builder()
 *         .id("1")
 *         .item(Item.named("Gebühr Bauantrag"))
 *         .quantity(new BigDecimal("1"), "C62")
 *         .netPrice(new BigDecimal("120.00"))
 *         .vat(VatCategory.STANDARD_RATE, new BigDecimal("19"))
 *         .build();          // net amount (BT-131) computed: 120.00
 * }</pre>
 *
 * @param id                       Invoice line identifier (BT-126)
 * @param note                     Invoice line note (BT-127), or {@code null}
 * @param objectIdentifier         Invoice line object identifier (BT-128) with scheme, or {@code null}
 * @param quantity                 Invoiced quantity (BT-129)
 * @param unitCode                 Invoiced quantity unit of measure code (BT-130), UN/ECE Rec. 20
 * @param netAmount                Invoice line net amount (BT-131)
 * @param orderLineReference       Referenced purchase order line reference (BT-132), or {@code null}
 * @param buyerAccountingReference Invoice line Buyer accounting reference (BT-133), or {@code null}
 * @param period                   INVOICE LINE PERIOD (BG-26), or {@code null}
 * @param allowances               INVOICE LINE ALLOWANCES (BG-27); never {@code null}
 * @param charges                  INVOICE LINE CHARGES (BG-28); never {@code null}
 * @param price                    PRICE DETAILS (BG-29)
 * @param vatCategoryCode          Invoiced item VAT category code (BT-151), UNTDID 5305
 * @param vatRate                  Invoiced item VAT rate (BT-152), or {@code null} (category "O")
 * @param item                     ITEM INFORMATION (BG-31)
 * @param subLines                 SUB INVOICE LINEs (BG-DEX-01, XRechnung Extension, UBL only); never {@code null}
 */
public record InvoiceLine(String id, String note, Identifier objectIdentifier, BigDecimal quantity, String unitCode,
                          BigDecimal netAmount, String orderLineReference, String buyerAccountingReference,
                          Period period, List<LineAllowanceCharge> allowances, List<LineAllowanceCharge> charges,
                          Price price, String vatCategoryCode, BigDecimal vatRate, Item item,
                          List<InvoiceLine> subLines) {

    /** Copies the lists, brings numbers into canonical form and turns empty texts into {@code null}. */
    public InvoiceLine {
        id = Values.token(id);
        note = Values.text(note);
        quantity = Values.number(quantity);
        unitCode = Values.token(unitCode);
        netAmount = Values.amount(netAmount);
        orderLineReference = Values.token(orderLineReference);
        buyerAccountingReference = Values.token(buyerAccountingReference);
        allowances = Values.list(allowances);
        charges = Values.list(charges);
        vatCategoryCode = Values.token(vatCategoryCode);
        vatRate = Values.number(vatRate);
        subLines = Values.list(subLines);
    }

    /**
     * A builder that computes what EN 16931 derives: the line net amount (BT-131 = quantity x net
     * price / base quantity + charges - allowances), allowance and charge amounts from their
     * percentage, the price discount from gross and net price, and the base quantity unit.
     *
     * @return a new deriving builder
     */
    public static Builder builder() {
        return new Builder(true);
    }

    /**
     * A builder that takes every value as given and derives nothing (used when reading documents).
     *
     * @return a new raw builder
     */
    public static Builder rawBuilder() {
        return new Builder(false);
    }

    /** @return a raw builder holding this line's values */
    public Builder toBuilder() {
        Builder b = new Builder(false).id(id).note(note).objectIdentifier(objectIdentifier).quantity(quantity, unitCode)
                .netAmount(netAmount).orderLineReference(orderLineReference)
                .buyerAccountingReference(buyerAccountingReference).period(period).price(price)
                .vat(vatCategoryCode, vatRate).item(item);
        b.allowances.addAll(allowances);
        b.charges.addAll(charges);
        b.subLines.addAll(subLines);
        return b;
    }

    /**
     * Builds an {@link InvoiceLine}; not thread-safe. Obtain one from {@link InvoiceLine#builder()}
     * (derives amounts, refuses rule violations) or {@link InvoiceLine#rawBuilder()} (takes values as
     * they are).
     */
    public static final class Builder {
        private final boolean derive;
        private String id;
        private String note;
        private Identifier objectIdentifier;
        private BigDecimal quantity;
        private String unitCode;
        private BigDecimal netAmount;
        private String orderLineReference;
        private String buyerAccountingReference;
        private Period period;
        private final List<LineAllowanceCharge> allowances = new ArrayList<>();
        private final List<LineAllowanceCharge> charges = new ArrayList<>();
        private BigDecimal netPrice;
        private BigDecimal discount;
        private BigDecimal grossPrice;
        private BigDecimal baseQuantity;
        private String baseQuantityUnit;
        private String vatCategoryCode;
        private BigDecimal vatRate;
        private Item item;
        private final List<InvoiceLine> subLines = new ArrayList<>();

        private Builder(boolean derive) {
            this.derive = derive;
        }

        /**
         * @param v Invoice line identifier (BT-126)
         * @return this
         */
        public Builder id(String v) {
            id = v;
            return this;
        }

        /**
         * @param v Invoice line note (BT-127)
         * @return this
         */
        public Builder note(String v) {
            note = v;
            return this;
        }

        /**
         * @param v Invoice line object identifier (BT-128)
         * @return this
         */
        public Builder objectIdentifier(Identifier v) {
            objectIdentifier = v;
            return this;
        }

        /**
         * @param qty  Invoiced quantity (BT-129)
         * @param unit unit of measure code (BT-130), UN/ECE Rec. 20, e.g. {@code "C62"} (one),
         *             {@code "HUR"} (hour), {@code "XPP"} (piece)
         * @return this
         */
        public Builder quantity(BigDecimal qty, String unit) {
            quantity = qty;
            unitCode = unit;
            return this;
        }

        /**
         * @param v Invoice line net amount (BT-131); computed by a deriving builder when not set
         * @return this
         */
        public Builder netAmount(BigDecimal v) {
            netAmount = v;
            return this;
        }

        /**
         * @param v Referenced purchase order line reference (BT-132)
         * @return this
         */
        public Builder orderLineReference(String v) {
            orderLineReference = v;
            return this;
        }

        /**
         * @param v Invoice line Buyer accounting reference (BT-133)
         * @return this
         */
        public Builder buyerAccountingReference(String v) {
            buyerAccountingReference = v;
            return this;
        }

        /**
         * @param v INVOICE LINE PERIOD (BG-26)
         * @return this
         */
        public Builder period(Period v) {
            period = v;
            return this;
        }

        /**
         * @param v an INVOICE LINE ALLOWANCE (BG-27) or CHARGE (BG-28), sorted by its flag
         * @return this
         */
        public Builder addAllowanceCharge(LineAllowanceCharge v) {
            (v.charge() ? charges : allowances).add(v);
            return this;
        }

        /**
         * @param v Item net price (BT-146)
         * @return this
         */
        public Builder netPrice(BigDecimal v) {
            netPrice = v;
            return this;
        }

        /**
         * @param gross    Item gross price (BT-148)
         * @param discount Item price discount (BT-147); computed from gross and net price when {@code null}
         * @return this
         */
        public Builder grossPrice(BigDecimal gross, BigDecimal discount) {
            this.grossPrice = gross;
            this.discount = discount;
            return this;
        }

        /**
         * @param qty  Item price base quantity (BT-149)
         * @param unit its unit (BT-150); a deriving builder uses the invoiced quantity's unit when {@code null}
         * @return this
         */
        public Builder baseQuantity(BigDecimal qty, String unit) {
            baseQuantity = qty;
            baseQuantityUnit = unit;
            return this;
        }

        /**
         * @param v PRICE DETAILS (BG-29) as a whole
         * @return this
         */
        public Builder price(Price v) {
            if (v == null) {
                netPrice = discount = grossPrice = baseQuantity = null;
                baseQuantityUnit = null;
            } else {
                netPrice = v.netPrice();
                discount = v.discount();
                grossPrice = v.grossPrice();
                baseQuantity = v.baseQuantity();
                baseQuantityUnit = v.baseQuantityUnit();
            }
            return this;
        }

        /**
         * @param category Invoiced item VAT category code (BT-151)
         * @param rate     Invoiced item VAT rate (BT-152); {@code null} for {@link VatCategory#NOT_SUBJECT_TO_VAT}
         * @return this
         */
        public Builder vat(VatCategory category, BigDecimal rate) {
            return vat(category.code(), rate);
        }

        /**
         * @param categoryCode Invoiced item VAT category code (BT-151) as text
         * @param rate         Invoiced item VAT rate (BT-152)
         * @return this
         */
        public Builder vat(String categoryCode, BigDecimal rate) {
            vatCategoryCode = categoryCode;
            vatRate = rate;
            return this;
        }

        /**
         * @param v ITEM INFORMATION (BG-31)
         * @return this
         */
        public Builder item(Item v) {
            item = v;
            return this;
        }

        /**
         * @param v a SUB INVOICE LINE (BG-DEX-01; XRechnung Extension, UBL only)
         * @return this
         */
        public Builder addSubLine(InvoiceLine v) {
            subLines.add(Objects.requireNonNull(v, "sub line"));
            return this;
        }

        /**
         * Builds the line. A deriving builder computes the net amount and refuses lines that break
         * EN 16931 (BR-21 .. BR-27, BR-41 .. BR-44, BR-CO-4, PEPPOL-EN16931-R046/R120/R121/R130,
         * BR-DEX-02).
         *
         * @return the line
         * @throws InvoiceRuleException if a deriving builder finds a rule broken
         */
        public InvoiceLine build() {
            if (!derive) {
                Price p = netPrice == null && discount == null && grossPrice == null && baseQuantity == null
                        && baseQuantityUnit == null ? null
                        : new Price(netPrice, discount, grossPrice, baseQuantity, baseQuantityUnit);
                return new InvoiceLine(id, note, objectIdentifier, quantity, unitCode, netAmount, orderLineReference,
                        buyerAccountingReference, period, allowances, charges, p, vatCategoryCode, vatRate, item,
                        subLines);
            }
            return Calculations.deriveLine(id, note, objectIdentifier, quantity, unitCode, netAmount,
                    orderLineReference, buyerAccountingReference, period, allowances, charges, netPrice, discount,
                    grossPrice, baseQuantity, baseQuantityUnit, vatCategoryCode, vatRate, item, subLines);
        }
    }
}
