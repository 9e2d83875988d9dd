package de.ozgkit.einvoice.internal.xml;

import static de.ozgkit.einvoice.internal.xml.XmlOut.iso;
import static de.ozgkit.einvoice.internal.xml.XmlOut.num;

import de.ozgkit.einvoice.EInvoiceFormatException;
import de.ozgkit.einvoice.model.AllowanceCharge;
import de.ozgkit.einvoice.model.Buyer;
import de.ozgkit.einvoice.model.Classification;
import de.ozgkit.einvoice.model.Contact;
import de.ozgkit.einvoice.model.CreditTransfer;
import de.ozgkit.einvoice.model.Delivery;
import de.ozgkit.einvoice.model.DocumentTotals;
import de.ozgkit.einvoice.model.Identifier;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.Item;
import de.ozgkit.einvoice.model.ItemAttribute;
import de.ozgkit.einvoice.model.LineAllowanceCharge;
import de.ozgkit.einvoice.model.Note;
import de.ozgkit.einvoice.model.Payee;
import de.ozgkit.einvoice.model.PaymentInstructions;
import de.ozgkit.einvoice.model.Period;
import de.ozgkit.einvoice.model.PostalAddress;
import de.ozgkit.einvoice.model.PrecedingInvoiceReference;
import de.ozgkit.einvoice.model.Price;
import de.ozgkit.einvoice.model.Seller;
import de.ozgkit.einvoice.model.SupportingDocument;
import de.ozgkit.einvoice.model.TaxRepresentative;
import de.ozgkit.einvoice.model.ThirdPartyPayment;
import de.ozgkit.einvoice.model.VatBreakdown;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the model as UBL 2.1 Invoice or CreditNote following the EN 16931 UBL binding and
 * XRechnung 3.0, element by element in schema order. Not API; use
 * {@link de.ozgkit.einvoice.XRechnungWriter}.
 */
public final class UblWriter {

    /** Written into the mandatory {@code CardAccount/NetworkID}, which EN 16931 does not model. */
    static final String CARD_NETWORK_NOT_AVAILABLE = "NA";
    /** Written into the mandatory {@code OrderReference/ID} when only a sales order reference exists. */
    static final String ORDER_ID_NOT_AVAILABLE = "NA";
    /** The subject codes the UBL note convention {@code #CODE#text} can carry. */
    private static final java.util.regex.Pattern SUBJECT_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,3}");

    private final Invoice inv;
    private final XmlSink x;
    private final boolean creditNote;
    private final String cur;

    private UblWriter(Invoice inv, XmlSink x) {
        this.inv = inv;
        this.x = x;
        this.creditNote = inv.isCreditNote();
        this.cur = inv.currencyCode();
    }

    /**
     * Writes the invoice.
     *
     * @param inv the invoice
     * @param out the stream, not closed
     * @throws EInvoiceFormatException if the invoice holds content UBL cannot carry (third party
     *                                 payments in a credit note) or lacks what UBL requires (BG-22, BT-110)
     */
    public static void write(Invoice inv, OutputStream out) {
        write(inv, new XmlOut(out));
    }

    /**
     * Writes the invoice into a sink (the JDK-based {@link StaxXmlSink} for comparison).
     *
     * @param inv  the invoice
     * @param sink the sink; closed at the end
     * @throws EInvoiceFormatException as {@link #write(Invoice, OutputStream)}
     */
    public static void write(Invoice inv, XmlSink sink) {
        SyntaxLimits.checkUbl(inv);
        for (Note n : inv.notes()) {
            if (n.subjectCode() != null && !SUBJECT_CODE.matcher(n.subjectCode()).matches()) {
                throw EInvoiceFormatException.unsupported("the invoice note subject code (BT-21) \""
                        + n.subjectCode() + "\" cannot be written in UBL, which carries it as #CODE# in front of the"
                        + " note (one to three letters or digits); use a UNTDID 4451 code such as ADU");
            }
        }
        if (inv.isCreditNote() && !inv.thirdPartyPayments().isEmpty()) {
            throw EInvoiceFormatException.unsupported("a UBL CreditNote cannot carry THIRD PARTY PAYMENT"
                    + " (BG-DEX-09); write it as an invoice or drop the third party payments");
        }
        try (sink) {
            new UblWriter(inv, sink).document();
        }
    }

    private void cbc(String name, String text, String... attrs) {
        x.leaf("cbc", name, text, attrs);
    }

    private void amount(String name, BigDecimal v) {
        x.leaf("cbc", name, num(v), "currencyID", cur);
    }

    private void document() {
        String root = creditNote ? "CreditNote" : "Invoice";
        x.root("ubl", root, "ubl", creditNote ? Ns.UBL_CREDIT_NOTE : Ns.UBL_INVOICE, "cac", Ns.CAC, "cbc", Ns.CBC);
        cbc("CustomizationID", inv.specificationIdentifier());
        cbc("ProfileID", inv.businessProcessType());
        cbc("ID", inv.number());
        cbc("IssueDate", iso(inv.issueDate()));
        if (creditNote) {
            cbc("TaxPointDate", iso(inv.vatPointDate()));
            cbc("CreditNoteTypeCode", inv.typeCode());
            notes();
        } else {
            cbc("DueDate", iso(inv.paymentDueDate()));
            cbc("InvoiceTypeCode", inv.typeCode());
            notes();
            cbc("TaxPointDate", iso(inv.vatPointDate()));
        }
        cbc("DocumentCurrencyCode", cur);
        cbc("TaxCurrencyCode", inv.vatAccountingCurrencyCode());
        cbc("AccountingCost", inv.buyerAccountingReference());
        cbc("BuyerReference", inv.buyerReference());
        Period p = inv.invoicingPeriod();
        if (p != null || inv.vatPointDateCode() != null) {
            x.start("cac", "InvoicePeriod");
            if (p != null) {
                cbc("StartDate", iso(p.start()));
                cbc("EndDate", iso(p.end()));
            }
            cbc("DescriptionCode", inv.vatPointDateCode());
            x.end();
        }
        if (inv.purchaseOrderReference() != null || inv.salesOrderReference() != null) {
            x.start("cac", "OrderReference");
            cbc("ID", inv.purchaseOrderReference() != null ? inv.purchaseOrderReference() : ORDER_ID_NOT_AVAILABLE);
            cbc("SalesOrderID", inv.salesOrderReference());
            x.end();
        }
        for (PrecedingInvoiceReference r : inv.precedingInvoices()) {
            x.start("cac", "BillingReference");
            x.start("cac", "InvoiceDocumentReference");
            cbc("ID", r.number());
            cbc("IssueDate", iso(r.issueDate()));
            x.end();
            x.end();
        }
        docRef("DespatchDocumentReference", inv.despatchAdviceReference());
        docRef("ReceiptDocumentReference", inv.receivingAdviceReference());
        if (!creditNote) {
            docRef("OriginatorDocumentReference", inv.tenderOrLotReference());
        }
        docRef("ContractDocumentReference", inv.contractReference());
        if (creditNote && inv.projectReference() != null) {
            // a CreditNote has no ProjectReference; EN 16931 puts BT-11 into a document reference of type 50
            x.start("cac", "AdditionalDocumentReference");
            cbc("ID", inv.projectReference());
            cbc("DocumentTypeCode", "50");
            x.end();
        }
        for (SupportingDocument s : inv.supportingDocuments()) {
            supportingDocument(s);
        }
        Identifier obj = inv.invoicedObjectIdentifier();
        if (obj != null) {
            x.start("cac", "AdditionalDocumentReference");
            cbc("ID", obj.value(), "schemeID", obj.schemeId());
            cbc("DocumentTypeCode", "130");
            x.end();
        }
        if (creditNote) {
            docRef("OriginatorDocumentReference", inv.tenderOrLotReference());
        } else if (inv.projectReference() != null) {
            docRef("ProjectReference", inv.projectReference());
        }
        seller(inv.seller());
        buyer(inv.buyer());
        payee(inv.payee());
        taxRepresentative(inv.taxRepresentative());
        delivery(inv.delivery());
        payment(inv.paymentInstructions());
        if (inv.paymentTerms() != null) {
            x.start("cac", "PaymentTerms");
            cbc("Note", inv.paymentTerms());
            x.end();
        }
        for (ThirdPartyPayment t : inv.thirdPartyPayments()) {
            x.start("cac", "PrepaidPayment");
            cbc("ID", t.type());
            amount("PaidAmount", t.amount());
            cbc("InstructionID", t.description());
            x.end();
        }
        for (AllowanceCharge a : inv.allowances()) {
            allowanceCharge(a);
        }
        for (AllowanceCharge c : inv.charges()) {
            allowanceCharge(c);
        }
        taxTotals();
        monetaryTotal(inv.totals());
        for (InvoiceLine l : inv.lines()) {
            line(l, creditNote ? "CreditNoteLine" : "InvoiceLine");
        }
        x.end();
    }

    private void notes() {
        for (Note n : inv.notes()) {
            cbc("Note", n.subjectCode() == null ? n.text() : "#" + n.subjectCode() + "#" + n.text());
        }
    }

    private void docRef(String element, String id) {
        if (id != null) {
            x.start("cac", element);
            cbc("ID", id);
            x.end();
        }
    }

    private void supportingDocument(SupportingDocument s) {
        x.start("cac", "AdditionalDocumentReference");
        cbc("ID", s.reference());
        cbc("DocumentDescription", s.description());
        if (s.attachment() != null || s.externalLocation() != null) {
            x.start("cac", "Attachment");
            if (s.attachment() != null) {
                x.binary("cbc", "EmbeddedDocumentBinaryObject", s.attachment().content(),
                        "mimeCode", s.attachment().mimeCode(), "filename", s.attachment().filename());
            }
            if (s.externalLocation() != null) {
                x.start("cac", "ExternalReference");
                cbc("URI", s.externalLocation());
                x.end();
            }
            x.end();
        }
        x.end();
    }

    private void address(String element, PostalAddress a) {
        if (a == null) {
            return;
        }
        x.start("cac", element);
        cbc("StreetName", a.line1());
        cbc("AdditionalStreetName", a.line2());
        cbc("CityName", a.city());
        cbc("PostalZone", a.postCode());
        cbc("CountrySubentity", a.countrySubdivision());
        if (a.line3() != null) {
            x.start("cac", "AddressLine");
            cbc("Line", a.line3());
            x.end();
        }
        if (a.countryCode() != null) {
            x.start("cac", "Country");
            cbc("IdentificationCode", a.countryCode());
            x.end();
        }
        x.end();
    }

    private void partyIdentification(Identifier id) {
        if (id != null) {
            x.start("cac", "PartyIdentification");
            cbc("ID", id.value(), "schemeID", id.schemeId());
            x.end();
        }
    }

    private void partyName(String name) {
        if (name != null) {
            x.start("cac", "PartyName");
            cbc("Name", name);
            x.end();
        }
    }

    private void taxScheme(String companyId, String scheme) {
        if (companyId != null) {
            x.start("cac", "PartyTaxScheme");
            cbc("CompanyID", companyId);
            x.start("cac", "TaxScheme");
            cbc("ID", scheme);
            x.end();
            x.end();
        }
    }

    private void contact(Contact c) {
        if (c != null && (c.name() != null || c.telephone() != null || c.email() != null)) {
            x.start("cac", "Contact");
            cbc("Name", c.name());
            cbc("Telephone", c.telephone());
            cbc("ElectronicMail", c.email());
            x.end();
        }
    }

    private String creditorId() {
        PaymentInstructions p = inv.paymentInstructions();
        return p == null || p.directDebit() == null ? null : p.directDebit().creditorId();
    }

    private void seller(Seller s) {
        if (s == null) {
            return;
        }
        x.start("cac", "AccountingSupplierParty");
        x.start("cac", "Party");
        Identifier e = s.electronicAddress();
        if (e != null) {
            cbc("EndpointID", e.value(), "schemeID", e.schemeId());
        }
        for (Identifier id : s.identifiers()) {
            partyIdentification(id);
        }
        if (inv.payee() == null && creditorId() != null) {
            partyIdentification(Identifier.of(creditorId(), "SEPA"));
        }
        partyName(s.tradingName());
        address("PostalAddress", s.address());
        taxScheme(s.vatId(), "VAT");
        taxScheme(s.taxRegistrationId(), "FC");
        x.start("cac", "PartyLegalEntity");
        cbc("RegistrationName", s.name());
        Identifier reg = s.legalRegistrationId();
        if (reg != null) {
            cbc("CompanyID", reg.value(), "schemeID", reg.schemeId());
        }
        cbc("CompanyLegalForm", s.additionalLegalInformation());
        x.end();
        contact(s.contact());
        x.end();
        x.end();
    }

    private void buyer(Buyer b) {
        if (b == null) {
            return;
        }
        x.start("cac", "AccountingCustomerParty");
        x.start("cac", "Party");
        Identifier e = b.electronicAddress();
        if (e != null) {
            cbc("EndpointID", e.value(), "schemeID", e.schemeId());
        }
        partyIdentification(b.identifier());
        partyName(b.tradingName());
        address("PostalAddress", b.address());
        taxScheme(b.vatId(), "VAT");
        x.start("cac", "PartyLegalEntity");
        cbc("RegistrationName", b.name());
        Identifier reg = b.legalRegistrationId();
        if (reg != null) {
            cbc("CompanyID", reg.value(), "schemeID", reg.schemeId());
        }
        x.end();
        contact(b.contact());
        x.end();
        x.end();
    }

    private void payee(Payee p) {
        if (p == null) {
            return;
        }
        x.start("cac", "PayeeParty");
        partyIdentification(p.identifier());
        if (creditorId() != null) {
            partyIdentification(Identifier.of(creditorId(), "SEPA"));
        }
        partyName(p.name());
        Identifier reg = p.legalRegistrationId();
        if (reg != null) {
            x.start("cac", "PartyLegalEntity");
            cbc("CompanyID", reg.value(), "schemeID", reg.schemeId());
            x.end();
        }
        x.end();
    }

    private void taxRepresentative(TaxRepresentative t) {
        if (t == null) {
            return;
        }
        x.start("cac", "TaxRepresentativeParty");
        partyName(t.name());
        address("PostalAddress", t.address());
        taxScheme(t.vatId(), "VAT");
        x.end();
    }

    private void delivery(Delivery d) {
        if (d == null) {
            return;
        }
        x.start("cac", "Delivery");
        cbc("ActualDeliveryDate", iso(d.actualDeliveryDate()));
        if (d.locationId() != null || d.address() != null) {
            x.start("cac", "DeliveryLocation");
            if (d.locationId() != null) {
                cbc("ID", d.locationId().value(), "schemeID", d.locationId().schemeId());
            }
            address("Address", d.address());
            x.end();
        }
        if (d.partyName() != null) {
            x.start("cac", "DeliveryParty");
            partyName(d.partyName());
            x.end();
        }
        x.end();
    }

    private void payment(PaymentInstructions p) {
        if (p == null) {
            return;
        }
        List<CreditTransfer> transfers = p.creditTransfers();
        int n = Math.max(1, transfers.size());
        for (int i = 0; i < n; i++) {
            boolean first = i == 0;
            x.start("cac", "PaymentMeans");
            cbc("PaymentMeansCode", p.meansCode(), "name", first ? p.meansText() : null);
            if (first && creditNote) {
                cbc("PaymentDueDate", iso(inv.paymentDueDate()));
            }
            cbc("PaymentID", p.remittanceInformation());
            if (first && p.card() != null) {
                x.start("cac", "CardAccount");
                cbc("PrimaryAccountNumberID", p.card().primaryAccountNumber());
                cbc("NetworkID", CARD_NETWORK_NOT_AVAILABLE);
                cbc("HolderName", p.card().holderName());
                x.end();
            }
            if (!transfers.isEmpty()) {
                CreditTransfer t = transfers.get(i);
                x.start("cac", "PayeeFinancialAccount");
                cbc("ID", t.accountId());
                cbc("Name", t.accountName());
                if (t.serviceProviderId() != null) {
                    x.start("cac", "FinancialInstitutionBranch");
                    cbc("ID", t.serviceProviderId());
                    x.end();
                }
                x.end();
            }
            if (first && p.directDebit() != null
                    && (p.directDebit().mandateReference() != null || p.directDebit().debitedAccountId() != null)) {
                x.start("cac", "PaymentMandate");
                cbc("ID", p.directDebit().mandateReference());
                if (p.directDebit().debitedAccountId() != null) {
                    x.start("cac", "PayerFinancialAccount");
                    cbc("ID", p.directDebit().debitedAccountId());
                    x.end();
                }
                x.end();
            }
            x.end();
        }
    }

    private void taxCategory(String element, String category, BigDecimal rate, String reasonCode, String reason) {
        x.start("cac", element);
        cbc("ID", category);
        cbc("Percent", num(rate));
        cbc("TaxExemptionReasonCode", reasonCode);
        cbc("TaxExemptionReason", reason);
        x.start("cac", "TaxScheme");
        cbc("ID", "VAT");
        x.end();
        x.end();
    }

    private void allowanceCharge(AllowanceCharge a) {
        x.start("cac", "AllowanceCharge");
        cbc("ChargeIndicator", Boolean.toString(a.charge()));
        cbc("AllowanceChargeReasonCode", a.reasonCode());
        cbc("AllowanceChargeReason", a.reason());
        cbc("MultiplierFactorNumeric", num(a.percentage()));
        amount("Amount", a.amount());
        amount("BaseAmount", a.baseAmount());
        taxCategory("TaxCategory", a.vatCategoryCode(), a.vatRate(), null, null);
        x.end();
    }

    private void taxTotals() {
        DocumentTotals t = inv.totals();
        x.start("cac", "TaxTotal");
        amount("TaxAmount", t == null ? null : t.vatTotal());
        for (VatBreakdown v : inv.vatBreakdown()) {
            x.start("cac", "TaxSubtotal");
            amount("TaxableAmount", v.taxableAmount());
            amount("TaxAmount", v.taxAmount());
            taxCategory("TaxCategory", v.categoryCode(), v.rate(), v.exemptionReasonCode(), v.exemptionReason());
            x.end();
        }
        x.end();
        if (t != null && t.vatTotalInAccountingCurrency() != null) {
            x.start("cac", "TaxTotal");
            x.leaf("cbc", "TaxAmount", num(t.vatTotalInAccountingCurrency()), "currencyID",
                    inv.vatAccountingCurrencyCode());
            x.end();
        }
    }

    private void monetaryTotal(DocumentTotals t) {
        if (t == null) {
            return;
        }
        x.start("cac", "LegalMonetaryTotal");
        amount("LineExtensionAmount", t.lineNetTotal());
        amount("TaxExclusiveAmount", t.totalWithoutVat());
        amount("TaxInclusiveAmount", t.totalWithVat());
        amount("AllowanceTotalAmount", t.allowanceTotal());
        amount("ChargeTotalAmount", t.chargeTotal());
        amount("PrepaidAmount", t.paidAmount());
        amount("PayableRoundingAmount", t.roundingAmount());
        amount("PayableAmount", t.amountDue());
        x.end();
    }

    private void line(InvoiceLine l, String element) {
        x.start("cac", element);
        cbc("ID", l.id());
        cbc("Note", l.note());
        x.leaf("cbc", creditNote ? "CreditedQuantity" : "InvoicedQuantity", num(l.quantity()), "unitCode", l.unitCode());
        amount("LineExtensionAmount", l.netAmount());
        cbc("AccountingCost", l.buyerAccountingReference());
        if (l.period() != null) {
            x.start("cac", "InvoicePeriod");
            cbc("StartDate", iso(l.period().start()));
            cbc("EndDate", iso(l.period().end()));
            x.end();
        }
        if (l.orderLineReference() != null) {
            x.start("cac", "OrderLineReference");
            cbc("LineID", l.orderLineReference());
            x.end();
        }
        if (l.objectIdentifier() != null) {
            x.start("cac", "DocumentReference");
            cbc("ID", l.objectIdentifier().value(), "schemeID", l.objectIdentifier().schemeId());
            cbc("DocumentTypeCode", "130");
            x.end();
        }
        for (LineAllowanceCharge a : l.allowances()) {
            lineAllowanceCharge(a);
        }
        for (LineAllowanceCharge c : l.charges()) {
            lineAllowanceCharge(c);
        }
        item(l);
        price(l.price());
        for (InvoiceLine sub : l.subLines()) {
            line(sub, creditNote ? "SubCreditNoteLine" : "SubInvoiceLine");
        }
        x.end();
    }

    private void lineAllowanceCharge(LineAllowanceCharge a) {
        x.start("cac", "AllowanceCharge");
        cbc("ChargeIndicator", Boolean.toString(a.charge()));
        cbc("AllowanceChargeReasonCode", a.reasonCode());
        cbc("AllowanceChargeReason", a.reason());
        cbc("MultiplierFactorNumeric", num(a.percentage()));
        amount("Amount", a.amount());
        amount("BaseAmount", a.baseAmount());
        x.end();
    }

    private void item(InvoiceLine l) {
        Item it = l.item();
        x.start("cac", "Item");
        if (it != null) {
            cbc("Description", it.description());
            cbc("Name", it.name());
            idBlock("BuyersItemIdentification", it.buyerId());
            idBlock("SellersItemIdentification", it.sellerId());
            if (it.standardId() != null) {
                x.start("cac", "StandardItemIdentification");
                cbc("ID", it.standardId().value(), "schemeID", it.standardId().schemeId());
                x.end();
            }
            if (it.originCountry() != null) {
                x.start("cac", "OriginCountry");
                cbc("IdentificationCode", it.originCountry());
                x.end();
            }
            for (Classification c : it.classifications()) {
                x.start("cac", "CommodityClassification");
                cbc("ItemClassificationCode", c.code(), "listID", c.listId(), "listVersionID", c.listVersionId());
                x.end();
            }
        }
        taxCategory("ClassifiedTaxCategory", l.vatCategoryCode(), l.vatRate(), null, null);
        if (it != null) {
            for (ItemAttribute a : it.attributes()) {
                x.start("cac", "AdditionalItemProperty");
                cbc("Name", a.name());
                cbc("Value", a.value());
                x.end();
            }
        }
        x.end();
    }

    private void idBlock(String element, String id) {
        if (id != null) {
            x.start("cac", element);
            cbc("ID", id);
            x.end();
        }
    }

    private void price(Price p) {
        if (p == null) {
            return;
        }
        x.start("cac", "Price");
        amount("PriceAmount", p.netPrice());
        x.leaf("cbc", "BaseQuantity", num(p.baseQuantity()), "unitCode", p.baseQuantityUnit());
        if (p.grossPrice() != null || p.discount() != null) {
            x.start("cac", "AllowanceCharge");
            cbc("ChargeIndicator", "false");
            amount("Amount", p.discount() != null ? p.discount() : BigDecimal.ZERO.setScale(2));
            amount("BaseAmount", p.grossPrice());
            x.end();
        }
        x.end();
    }
}
