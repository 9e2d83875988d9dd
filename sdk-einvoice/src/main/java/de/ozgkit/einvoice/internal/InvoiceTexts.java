package de.ozgkit.einvoice.internal;

import de.ozgkit.einvoice.model.AllowanceCharge;
import de.ozgkit.einvoice.model.BinaryObject;
import de.ozgkit.einvoice.model.Buyer;
import de.ozgkit.einvoice.model.Classification;
import de.ozgkit.einvoice.model.Contact;
import de.ozgkit.einvoice.model.CreditTransfer;
import de.ozgkit.einvoice.model.Delivery;
import de.ozgkit.einvoice.model.DirectDebit;
import de.ozgkit.einvoice.model.Identifier;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.InvoiceValueException;
import de.ozgkit.einvoice.model.Item;
import de.ozgkit.einvoice.model.ItemAttribute;
import de.ozgkit.einvoice.model.LineAllowanceCharge;
import de.ozgkit.einvoice.model.Note;
import de.ozgkit.einvoice.model.Payee;
import de.ozgkit.einvoice.model.PaymentCard;
import de.ozgkit.einvoice.model.PaymentInstructions;
import de.ozgkit.einvoice.model.PostalAddress;
import de.ozgkit.einvoice.model.PrecedingInvoiceReference;
import de.ozgkit.einvoice.model.Seller;
import de.ozgkit.einvoice.model.SupportingDocument;
import de.ozgkit.einvoice.model.TaxRepresentative;
import de.ozgkit.einvoice.model.ThirdPartyPayment;
import de.ozgkit.einvoice.model.VatBreakdown;

/**
 * Checks every text of an invoice, naming its business term: each character must be one XML 1.0 can
 * carry ({@code #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]}), and the texts
 * an invoice requires (identifier values, note texts, references) must not be empty. Called by the
 * {@link Invoice} constructor, so every builder and every reader goes through it. Not API.
 */
public final class InvoiceTexts {

    private InvoiceTexts() {
    }

    /**
     * @param cp a Unicode code point (a lone surrogate counts as itself)
     * @return whether XML 1.0 can carry the character
     */
    public static boolean isXmlChar(int cp) {
        return cp >= 0x20 && cp <= 0xD7FF || cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    /**
     * @param s a text, may be {@code null}
     * @return the index of the first character XML 1.0 cannot carry, or -1
     */
    public static int firstIllegal(String s) {
        if (s == null) {
            return -1;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (!isXmlChar(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param invoice the invoice
     * @throws InvoiceValueException naming the first text that breaks a rule above
     */
    public static void check(Invoice invoice) {
        Invoice i = invoice;
        text("BT-1", "invoice number", i.number());
        text("BT-3", "invoice type code", i.typeCode());
        text("BT-5", "invoice currency code", i.currencyCode());
        text("BT-6", "VAT accounting currency code", i.vatAccountingCurrencyCode());
        text("BT-8", "VAT point date code", i.vatPointDateCode());
        text("BT-10", "buyer reference", i.buyerReference());
        text("BT-11", "project reference", i.projectReference());
        text("BT-12", "contract reference", i.contractReference());
        text("BT-13", "purchase order reference", i.purchaseOrderReference());
        text("BT-14", "sales order reference", i.salesOrderReference());
        text("BT-15", "receiving advice reference", i.receivingAdviceReference());
        text("BT-16", "despatch advice reference", i.despatchAdviceReference());
        text("BT-17", "tender or lot reference", i.tenderOrLotReference());
        identifier("BT-18", "invoiced object identifier", i.invoicedObjectIdentifier());
        text("BT-19", "buyer accounting reference", i.buyerAccountingReference());
        text("BT-20", "payment terms", i.paymentTerms());
        for (Note n : i.notes()) {
            text("BT-21", "invoice note subject code", n.subjectCode());
            required("BT-22", "invoice note", n.text());
        }
        text("BT-23", "business process type", i.businessProcessType());
        text("BT-24", "specification identifier", i.specificationIdentifier());
        for (PrecedingInvoiceReference p : i.precedingInvoices()) {
            required("BT-25", "preceding invoice reference", p.number());
        }
        seller(i.seller());
        buyer(i.buyer());
        payee(i.payee());
        taxRepresentative(i.taxRepresentative());
        delivery(i.delivery());
        payment(i.paymentInstructions());
        for (AllowanceCharge a : i.allowances()) {
            text("BT-95", "document level allowance VAT category code", a.vatCategoryCode());
            text("BT-97", "document level allowance reason", a.reason());
            text("BT-98", "document level allowance reason code", a.reasonCode());
        }
        for (AllowanceCharge c : i.charges()) {
            text("BT-102", "document level charge VAT category code", c.vatCategoryCode());
            text("BT-104", "document level charge reason", c.reason());
            text("BT-105", "document level charge reason code", c.reasonCode());
        }
        for (VatBreakdown v : i.vatBreakdown()) {
            text("BT-118", "VAT category code", v.categoryCode());
            text("BT-120", "VAT exemption reason text", v.exemptionReason());
            text("BT-121", "VAT exemption reason code", v.exemptionReasonCode());
        }
        for (SupportingDocument d : i.supportingDocuments()) {
            required("BT-122", "supporting document reference", d.reference());
            text("BT-123", "supporting document description", d.description());
            text("BT-124", "external document location", d.externalLocation());
            BinaryObject b = d.attachment();
            if (b != null) {
                text("BT-125-1", "attached document MIME code", b.mimeCode());
                text("BT-125-2", "attached document file name", b.filename());
            }
        }
        for (InvoiceLine l : i.lines()) {
            line(l);
        }
        for (ThirdPartyPayment t : i.thirdPartyPayments()) {
            text("BT-DEX-001", "third party payment type", t.type());
            text("BT-DEX-003", "third party payment description", t.description());
        }
    }

    private static void seller(Seller s) {
        if (s == null) {
            return;
        }
        text("BT-27", "seller name", s.name());
        text("BT-28", "seller trading name", s.tradingName());
        for (Identifier id : s.identifiers()) {
            identifier("BT-29", "seller identifier", id);
        }
        identifier("BT-30", "seller legal registration identifier", s.legalRegistrationId());
        text("BT-31", "seller VAT identifier", s.vatId());
        text("BT-32", "seller tax registration identifier", s.taxRegistrationId());
        text("BT-33", "seller additional legal information", s.additionalLegalInformation());
        identifier("BT-34", "seller electronic address", s.electronicAddress());
        address(s.address(), "seller", "BT-35", "BT-36", "BT-162", "BT-37", "BT-38", "BT-39", "BT-40");
        contact(s.contact(), "seller", "BT-41", "BT-42", "BT-43");
    }

    private static void buyer(Buyer b) {
        if (b == null) {
            return;
        }
        text("BT-44", "buyer name", b.name());
        text("BT-45", "buyer trading name", b.tradingName());
        identifier("BT-46", "buyer identifier", b.identifier());
        identifier("BT-47", "buyer legal registration identifier", b.legalRegistrationId());
        text("BT-48", "buyer VAT identifier", b.vatId());
        identifier("BT-49", "buyer electronic address", b.electronicAddress());
        address(b.address(), "buyer", "BT-50", "BT-51", "BT-163", "BT-52", "BT-53", "BT-54", "BT-55");
        contact(b.contact(), "buyer", "BT-56", "BT-57", "BT-58");
    }

    private static void payee(Payee p) {
        if (p == null) {
            return;
        }
        text("BT-59", "payee name", p.name());
        identifier("BT-60", "payee identifier", p.identifier());
        identifier("BT-61", "payee legal registration identifier", p.legalRegistrationId());
    }

    private static void taxRepresentative(TaxRepresentative t) {
        if (t == null) {
            return;
        }
        text("BT-62", "seller tax representative name", t.name());
        text("BT-63", "seller tax representative VAT identifier", t.vatId());
        address(t.address(), "tax representative", "BT-64", "BT-65", "BT-164", "BT-66", "BT-67", "BT-68", "BT-69");
    }

    private static void delivery(Delivery d) {
        if (d == null) {
            return;
        }
        text("BT-70", "deliver to party name", d.partyName());
        identifier("BT-71", "deliver to location identifier", d.locationId());
        address(d.address(), "deliver to", "BT-75", "BT-76", "BT-165", "BT-77", "BT-78", "BT-79", "BT-80");
    }

    private static void payment(PaymentInstructions p) {
        if (p == null) {
            return;
        }
        text("BT-81", "payment means type code", p.meansCode());
        text("BT-82", "payment means text", p.meansText());
        text("BT-83", "remittance information", p.remittanceInformation());
        for (CreditTransfer c : p.creditTransfers()) {
            required("BT-84", "payment account identifier", c.accountId());
            text("BT-85", "payment account name", c.accountName());
            text("BT-86", "payment service provider identifier", c.serviceProviderId());
        }
        PaymentCard card = p.card();
        if (card != null) {
            required("BT-87", "payment card primary account number", card.primaryAccountNumber());
            text("BT-88", "payment card holder name", card.holderName());
        }
        DirectDebit d = p.directDebit();
        if (d != null) {
            text("BT-89", "mandate reference identifier", d.mandateReference());
            text("BT-90", "bank assigned creditor identifier", d.creditorId());
            text("BT-91", "debited account identifier", d.debitedAccountId());
        }
    }

    private static void line(InvoiceLine l) {
        text("BT-126", "invoice line identifier", l.id());
        text("BT-127", "invoice line note", l.note());
        identifier("BT-128", "invoice line object identifier", l.objectIdentifier());
        text("BT-130", "invoiced quantity unit of measure code", l.unitCode());
        text("BT-132", "referenced purchase order line reference", l.orderLineReference());
        text("BT-133", "invoice line buyer accounting reference", l.buyerAccountingReference());
        for (LineAllowanceCharge a : l.allowances()) {
            text("BT-139", "invoice line allowance reason", a.reason());
            text("BT-140", "invoice line allowance reason code", a.reasonCode());
        }
        for (LineAllowanceCharge c : l.charges()) {
            text("BT-144", "invoice line charge reason", c.reason());
            text("BT-145", "invoice line charge reason code", c.reasonCode());
        }
        if (l.price() != null) {
            text("BT-150", "item price base quantity unit of measure code", l.price().baseQuantityUnit());
        }
        text("BT-151", "invoiced item VAT category code", l.vatCategoryCode());
        Item item = l.item();
        if (item != null) {
            text("BT-153", "item name", item.name());
            text("BT-154", "item description", item.description());
            text("BT-155", "item seller's identifier", item.sellerId());
            text("BT-156", "item buyer's identifier", item.buyerId());
            identifier("BT-157", "item standard identifier", item.standardId());
            for (Classification c : item.classifications()) {
                required("BT-158", "item classification identifier", c.code());
                text("BT-158-1", "item classification scheme identifier", c.listId());
                text("BT-158-2", "item classification scheme version identifier", c.listVersionId());
            }
            text("BT-159", "item country of origin", item.originCountry());
            for (ItemAttribute a : item.attributes()) {
                required("BT-160", "item attribute name", a.name());
                required("BT-161", "item attribute value", a.value());
            }
        }
        for (InvoiceLine sub : l.subLines()) {
            line(sub);
        }
    }

    private static void address(PostalAddress a, String whose, String line1, String line2, String line3, String city,
            String postCode, String subdivision, String country) {
        if (a == null) {
            return;
        }
        text(line1, whose + " address line 1", a.line1());
        text(line2, whose + " address line 2", a.line2());
        text(line3, whose + " address line 3", a.line3());
        text(city, whose + " city", a.city());
        text(postCode, whose + " post code", a.postCode());
        text(subdivision, whose + " country subdivision", a.countrySubdivision());
        text(country, whose + " country code", a.countryCode());
    }

    private static void contact(Contact c, String whose, String name, String telephone, String email) {
        if (c == null) {
            return;
        }
        text(name, whose + " contact point", c.name());
        text(telephone, whose + " contact telephone number", c.telephone());
        text(email, whose + " contact email address", c.email());
    }

    private static void identifier(String bt, String what, Identifier id) {
        if (id != null) {
            required(bt, what, id.value());
            text(bt + "-1", what + " scheme identifier", id.schemeId());
        }
    }

    private static void required(String bt, String what, String s) {
        if (s.isEmpty()) {
            throw new InvoiceValueException(bt, bt + " (" + what + ") is empty; give a value or leave the whole "
                    + "group out");
        }
        text(bt, what, s);
    }

    private static void text(String bt, String what, String s) {
        int i = firstIllegal(s);
        if (i >= 0) {
            throw InvoiceValueException.illegalCharacter(bt, what, s.codePointAt(i), i);
        }
    }
}
