package de.ozgkit.einvoice.internal.xml;

import static de.ozgkit.einvoice.internal.xml.XmlOut.basic;
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
import de.ozgkit.einvoice.model.VatBreakdown;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the model as UN/CEFACT Cross Industry Invoice D16B following the EN 16931 CII binding and
 * XRechnung 3.0, element by element in schema order. Not API; use
 * {@link de.ozgkit.einvoice.XRechnungWriter}.
 */
public final class CiiWriter {

    /** Written into the mandatory {@code SpecifiedProcuringProject/Name}, which EN 16931 does not model. */
    static final String PROJECT_NAME = "Project reference";
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}");

    private final Invoice inv;
    private final XmlSink x;

    private CiiWriter(Invoice inv, XmlSink x) {
        this.inv = inv;
        this.x = x;
    }

    /**
     * Writes the invoice.
     *
     * @param inv the invoice
     * @param out the stream, not closed
     * @throws EInvoiceFormatException if the invoice holds content CII cannot carry (sub invoice
     *                                 lines, third party payments, more than one preceding invoice)
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
        SyntaxLimits.checkCii(inv);
        for (InvoiceLine l : inv.lines()) {
            if (!l.subLines().isEmpty()) {
                throw EInvoiceFormatException.unsupported("invoice line \"" + l.id() + "\" has SUB INVOICE LINEs"
                        + " (BG-DEX-01), which XRechnung supports only in UBL (BR-DEX-15); write the invoice as UBL");
            }
        }
        if (!inv.thirdPartyPayments().isEmpty()) {
            throw EInvoiceFormatException.unsupported("THIRD PARTY PAYMENT (BG-DEX-09) exists only in XRechnung UBL;"
                    + " write the invoice as UBL");
        }
        try (sink) {
            new CiiWriter(inv, sink).document();
        }
    }

    private void ram(String name, String text, String... attrs) {
        x.leaf("ram", name, text, attrs);
    }

    private void start(String name) {
        x.start("ram", name);
    }

    private void date(String element, LocalDate d) {
        if (d != null) {
            start(element);
            x.leaf("udt", "DateTimeString", basic(d), "format", "102");
            x.end();
        }
    }

    private void idRef(String element, String id) {
        if (id != null) {
            start(element);
            ram("IssuerAssignedID", id);
            x.end();
        }
    }

    private void document() {
        x.root("rsm", "CrossIndustryInvoice", "rsm", Ns.RSM, "ram", Ns.RAM, "qdt", Ns.QDT, "udt", Ns.UDT);
        x.start("rsm", "ExchangedDocumentContext");
        if (inv.businessProcessType() != null) {
            start("BusinessProcessSpecifiedDocumentContextParameter");
            ram("ID", inv.businessProcessType());
            x.end();
        }
        start("GuidelineSpecifiedDocumentContextParameter");
        ram("ID", inv.specificationIdentifier());
        x.end();
        x.end();

        x.start("rsm", "ExchangedDocument");
        ram("ID", inv.number());
        ram("TypeCode", inv.typeCode());
        date("IssueDateTime", inv.issueDate());
        for (Note n : inv.notes()) {
            start("IncludedNote");
            ram("Content", n.text());
            ram("SubjectCode", n.subjectCode());
            x.end();
        }
        x.end();

        x.start("rsm", "SupplyChainTradeTransaction");
        for (InvoiceLine l : inv.lines()) {
            line(l);
        }
        agreement();
        headerDelivery(inv.delivery());
        settlement();
        x.end();
        x.end();
    }

    private void line(InvoiceLine l) {
        start("IncludedSupplyChainTradeLineItem");
        start("AssociatedDocumentLineDocument");
        ram("LineID", l.id());
        if (l.note() != null) {
            start("IncludedNote");
            ram("Content", l.note());
            x.end();
        }
        x.end();

        Item it = l.item();
        start("SpecifiedTradeProduct");
        if (it != null) {
            if (it.standardId() != null) {
                ram("GlobalID", it.standardId().value(), "schemeID", it.standardId().schemeId());
            }
            ram("SellerAssignedID", it.sellerId());
            ram("BuyerAssignedID", it.buyerId());
            ram("Name", it.name());
            ram("Description", it.description());
            for (ItemAttribute a : it.attributes()) {
                start("ApplicableProductCharacteristic");
                ram("Description", a.name());
                ram("Value", a.value());
                x.end();
            }
            for (Classification c : it.classifications()) {
                start("DesignatedProductClassification");
                ram("ClassCode", c.code(), "listID", c.listId(), "listVersionID", c.listVersionId());
                x.end();
            }
            if (it.originCountry() != null) {
                start("OriginTradeCountry");
                ram("ID", it.originCountry());
                x.end();
            }
        }
        x.end();

        start("SpecifiedLineTradeAgreement");
        if (l.orderLineReference() != null) {
            start("BuyerOrderReferencedDocument");
            ram("LineID", l.orderLineReference());
            x.end();
        }
        Price p = l.price();
        if (p != null) {
            if (p.grossPrice() != null) {
                start("GrossPriceProductTradePrice");
                ram("ChargeAmount", num(p.grossPrice()));
                if (p.discount() != null) {
                    start("AppliedTradeAllowanceCharge");
                    indicator(false);
                    ram("ActualAmount", num(p.discount()));
                    x.end();
                }
                x.end();
            }
            start("NetPriceProductTradePrice");
            ram("ChargeAmount", num(p.netPrice()));
            x.leaf("ram", "BasisQuantity", num(p.baseQuantity()), "unitCode", p.baseQuantityUnit());
            x.end();
        }
        x.end();

        start("SpecifiedLineTradeDelivery");
        ram("BilledQuantity", num(l.quantity()), "unitCode", l.unitCode());
        x.end();

        start("SpecifiedLineTradeSettlement");
        start("ApplicableTradeTax");
        ram("TypeCode", "VAT");
        ram("CategoryCode", l.vatCategoryCode());
        ram("RateApplicablePercent", num(l.vatRate()));
        x.end();
        period(l.period());
        for (LineAllowanceCharge a : l.allowances()) {
            lineAllowanceCharge(a);
        }
        for (LineAllowanceCharge c : l.charges()) {
            lineAllowanceCharge(c);
        }
        start("SpecifiedTradeSettlementLineMonetarySummation");
        ram("LineTotalAmount", num(l.netAmount()));
        x.end();
        if (l.objectIdentifier() != null) {
            start("AdditionalReferencedDocument");
            ram("IssuerAssignedID", l.objectIdentifier().value());
            ram("TypeCode", "130");
            ram("ReferenceTypeCode", l.objectIdentifier().schemeId());
            x.end();
        }
        if (l.buyerAccountingReference() != null) {
            start("ReceivableSpecifiedTradeAccountingAccount");
            ram("ID", l.buyerAccountingReference());
            x.end();
        }
        x.end();
        x.end();
    }

    private void indicator(boolean charge) {
        start("ChargeIndicator");
        x.leaf("udt", "Indicator", Boolean.toString(charge));
        x.end();
    }

    private void lineAllowanceCharge(LineAllowanceCharge a) {
        start("SpecifiedTradeAllowanceCharge");
        indicator(a.charge());
        ram("CalculationPercent", num(a.percentage()));
        ram("BasisAmount", num(a.baseAmount()));
        ram("ActualAmount", num(a.amount()));
        ram("ReasonCode", a.reasonCode());
        ram("Reason", a.reason());
        x.end();
    }

    private void period(Period p) {
        if (p != null) {
            start("BillingSpecifiedPeriod");
            date("StartDateTime", p.start());
            date("EndDateTime", p.end());
            x.end();
        }
    }

    /** Party identifiers: with scheme as GlobalID, without as ID (EN 16931 CII binding). */
    private void partyIds(List<Identifier> ids) {
        for (Identifier id : ids) {
            if (id.schemeId() == null) {
                ram("ID", id.value());
            }
        }
        for (Identifier id : ids) {
            if (id.schemeId() != null) {
                ram("GlobalID", id.value(), "schemeID", id.schemeId());
            }
        }
    }

    private void address(PostalAddress a) {
        if (a == null) {
            return;
        }
        start("PostalTradeAddress");
        ram("PostcodeCode", a.postCode());
        ram("LineOne", a.line1());
        ram("LineTwo", a.line2());
        ram("LineThree", a.line3());
        ram("CityName", a.city());
        ram("CountryID", a.countryCode());
        ram("CountrySubDivisionName", a.countrySubdivision());
        x.end();
    }

    private void contact(Contact c) {
        if (c == null || (c.name() == null && c.telephone() == null && c.email() == null)) {
            return;
        }
        start("DefinedTradeContact");
        ram("PersonName", c.name());
        if (c.telephone() != null) {
            start("TelephoneUniversalCommunication");
            ram("CompleteNumber", c.telephone());
            x.end();
        }
        if (c.email() != null) {
            start("EmailURIUniversalCommunication");
            ram("URIID", c.email());
            x.end();
        }
        x.end();
    }

    private void legalOrganization(Identifier reg, String tradingName) {
        if (reg != null || tradingName != null) {
            start("SpecifiedLegalOrganization");
            if (reg != null) {
                ram("ID", reg.value(), "schemeID", reg.schemeId());
            }
            ram("TradingBusinessName", tradingName);
            x.end();
        }
    }

    private void electronicAddress(Identifier e) {
        if (e != null) {
            start("URIUniversalCommunication");
            ram("URIID", e.value(), "schemeID", e.schemeId());
            x.end();
        }
    }

    private void taxRegistration(String id, String scheme) {
        if (id != null) {
            start("SpecifiedTaxRegistration");
            ram("ID", id, "schemeID", scheme);
            x.end();
        }
    }

    private void seller(Seller s) {
        if (s == null) {
            return;
        }
        start("SellerTradeParty");
        partyIds(s.identifiers());
        ram("Name", s.name());
        ram("Description", s.additionalLegalInformation());
        legalOrganization(s.legalRegistrationId(), s.tradingName());
        contact(s.contact());
        address(s.address());
        electronicAddress(s.electronicAddress());
        taxRegistration(s.vatId(), "VA");
        taxRegistration(s.taxRegistrationId(), "FC");
        x.end();
    }

    private void buyer(Buyer b) {
        if (b == null) {
            return;
        }
        start("BuyerTradeParty");
        partyIds(b.identifier() == null ? List.of() : List.of(b.identifier()));
        ram("Name", b.name());
        legalOrganization(b.legalRegistrationId(), b.tradingName());
        contact(b.contact());
        address(b.address());
        electronicAddress(b.electronicAddress());
        taxRegistration(b.vatId(), "VA");
        x.end();
    }

    private void taxRepresentative(TaxRepresentative t) {
        if (t == null) {
            return;
        }
        start("SellerTaxRepresentativeTradeParty");
        ram("Name", t.name());
        address(t.address());
        taxRegistration(t.vatId(), "VA");
        x.end();
    }

    private void agreement() {
        start("ApplicableHeaderTradeAgreement");
        ram("BuyerReference", inv.buyerReference());
        seller(inv.seller());
        buyer(inv.buyer());
        taxRepresentative(inv.taxRepresentative());
        idRef("SellerOrderReferencedDocument", inv.salesOrderReference());
        idRef("BuyerOrderReferencedDocument", inv.purchaseOrderReference());
        idRef("ContractReferencedDocument", inv.contractReference());
        for (SupportingDocument s : inv.supportingDocuments()) {
            start("AdditionalReferencedDocument");
            ram("IssuerAssignedID", s.reference());
            ram("URIID", s.externalLocation());
            ram("TypeCode", "916");
            ram("Name", s.description());
            if (s.attachment() != null) {
                x.binary("ram", "AttachmentBinaryObject", s.attachment().content(),
                        "mimeCode", s.attachment().mimeCode(), "filename", s.attachment().filename());
            }
            x.end();
        }
        if (inv.tenderOrLotReference() != null) {
            start("AdditionalReferencedDocument");
            ram("IssuerAssignedID", inv.tenderOrLotReference());
            ram("TypeCode", "50");
            x.end();
        }
        Identifier obj = inv.invoicedObjectIdentifier();
        if (obj != null) {
            start("AdditionalReferencedDocument");
            ram("IssuerAssignedID", obj.value());
            ram("TypeCode", "130");
            ram("ReferenceTypeCode", obj.schemeId());
            x.end();
        }
        if (inv.projectReference() != null) {
            start("SpecifiedProcuringProject");
            ram("ID", inv.projectReference());
            ram("Name", PROJECT_NAME);
            x.end();
        }
        x.end();
    }

    private void headerDelivery(Delivery d) {
        start("ApplicableHeaderTradeDelivery");
        if (d != null) {
            if (d.partyName() != null || d.locationId() != null || d.address() != null) {
                start("ShipToTradeParty");
                partyIds(d.locationId() == null ? List.of() : List.of(d.locationId()));
                ram("Name", d.partyName());
                address(d.address());
                x.end();
            }
            if (d.actualDeliveryDate() != null) {
                start("ActualDeliverySupplyChainEvent");
                date("OccurrenceDateTime", d.actualDeliveryDate());
                x.end();
            }
        }
        idRef("DespatchAdviceReferencedDocument", inv.despatchAdviceReference());
        idRef("ReceivingAdviceReferencedDocument", inv.receivingAdviceReference());
        x.end();
    }

    private void settlement() {
        start("ApplicableHeaderTradeSettlement");
        PaymentInstructions p = inv.paymentInstructions();
        if (p != null && p.directDebit() != null) {
            ram("CreditorReferenceID", p.directDebit().creditorId());
        }
        if (p != null) {
            ram("PaymentReference", p.remittanceInformation());
        }
        ram("TaxCurrencyCode", inv.vatAccountingCurrencyCode());
        ram("InvoiceCurrencyCode", inv.currencyCode());
        payee(inv.payee());
        if (p != null) {
            paymentMeans(p);
        }
        boolean first = true;
        for (VatBreakdown v : inv.vatBreakdown()) {
            start("ApplicableTradeTax");
            ram("CalculatedAmount", num(v.taxAmount()));
            ram("TypeCode", "VAT");
            ram("ExemptionReason", v.exemptionReason());
            ram("BasisAmount", num(v.taxableAmount()));
            ram("CategoryCode", v.categoryCode());
            ram("ExemptionReasonCode", v.exemptionReasonCode());
            if (first && inv.vatPointDate() != null) {
                start("TaxPointDate");
                x.leaf("udt", "DateString", basic(inv.vatPointDate()), "format", "102");
                x.end();
            }
            if (first) {
                ram("DueDateTypeCode", DateCodes.toCii(inv.vatPointDateCode()));
            }
            ram("RateApplicablePercent", num(v.rate()));
            x.end();
            first = false;
        }
        period(inv.invoicingPeriod());
        for (AllowanceCharge a : inv.allowances()) {
            allowanceCharge(a);
        }
        for (AllowanceCharge c : inv.charges()) {
            allowanceCharge(c);
        }
        boolean mandate = p != null && p.directDebit() != null && p.directDebit().mandateReference() != null;
        if (inv.paymentTerms() != null || inv.paymentDueDate() != null || mandate) {
            start("SpecifiedTradePaymentTerms");
            ram("Description", inv.paymentTerms());
            date("DueDateDateTime", inv.paymentDueDate());
            if (mandate) {
                ram("DirectDebitMandateID", p.directDebit().mandateReference());
            }
            x.end();
        }
        DocumentTotals t = inv.totals();
        if (t != null) {
            start("SpecifiedTradeSettlementHeaderMonetarySummation");
            ram("LineTotalAmount", num(t.lineNetTotal()));
            ram("ChargeTotalAmount", num(t.chargeTotal()));
            ram("AllowanceTotalAmount", num(t.allowanceTotal()));
            ram("TaxBasisTotalAmount", num(t.totalWithoutVat()));
            ram("TaxTotalAmount", num(t.vatTotal()), "currencyID", inv.currencyCode());
            ram("TaxTotalAmount", num(t.vatTotalInAccountingCurrency()), "currencyID", inv.vatAccountingCurrencyCode());
            ram("RoundingAmount", num(t.roundingAmount()));
            ram("GrandTotalAmount", num(t.totalWithVat()));
            ram("TotalPrepaidAmount", num(t.paidAmount()));
            ram("DuePayableAmount", num(t.amountDue()));
            x.end();
        }
        for (PrecedingInvoiceReference r : inv.precedingInvoices()) {
            start("InvoiceReferencedDocument");
            ram("IssuerAssignedID", r.number());
            if (r.issueDate() != null) {
                start("FormattedIssueDateTime");
                x.leaf("qdt", "DateTimeString", basic(r.issueDate()), "format", "102");
                x.end();
            }
            x.end();
        }
        if (inv.buyerAccountingReference() != null) {
            start("ReceivableSpecifiedTradeAccountingAccount");
            ram("ID", inv.buyerAccountingReference());
            x.end();
        }
        x.end();
    }

    private void payee(Payee p) {
        if (p == null) {
            return;
        }
        start("PayeeTradeParty");
        partyIds(p.identifier() == null ? List.of() : List.of(p.identifier()));
        ram("Name", p.name());
        legalOrganization(p.legalRegistrationId(), null);
        x.end();
    }

    private void paymentMeans(PaymentInstructions p) {
        List<CreditTransfer> transfers = p.creditTransfers();
        int n = Math.max(1, transfers.size());
        for (int i = 0; i < n; i++) {
            boolean first = i == 0;
            start("SpecifiedTradeSettlementPaymentMeans");
            ram("TypeCode", p.meansCode());
            ram("Information", first ? p.meansText() : null);
            if (first && p.card() != null) {
                start("ApplicableTradeSettlementFinancialCard");
                ram("ID", p.card().primaryAccountNumber());
                ram("CardholderName", p.card().holderName());
                x.end();
            }
            if (first && p.directDebit() != null && p.directDebit().debitedAccountId() != null) {
                start("PayerPartyDebtorFinancialAccount");
                ram("IBANID", p.directDebit().debitedAccountId());
                x.end();
            }
            if (!transfers.isEmpty()) {
                CreditTransfer t = transfers.get(i);
                start("PayeePartyCreditorFinancialAccount");
                if (IBAN.matcher(t.accountId()).matches()) {
                    ram("IBANID", t.accountId());
                    ram("AccountName", t.accountName());
                } else {
                    ram("AccountName", t.accountName());
                    ram("ProprietaryID", t.accountId());
                }
                x.end();
                if (t.serviceProviderId() != null) {
                    start("PayeeSpecifiedCreditorFinancialInstitution");
                    ram("BICID", t.serviceProviderId());
                    x.end();
                }
            }
            x.end();
        }
    }

    private void allowanceCharge(AllowanceCharge a) {
        start("SpecifiedTradeAllowanceCharge");
        indicator(a.charge());
        ram("CalculationPercent", num(a.percentage()));
        ram("BasisAmount", num(a.baseAmount()));
        ram("ActualAmount", num(a.amount()));
        ram("ReasonCode", a.reasonCode());
        ram("Reason", a.reason());
        start("CategoryTradeTax");
        ram("TypeCode", "VAT");
        ram("CategoryCode", a.vatCategoryCode());
        ram("RateApplicablePercent", num(a.vatRate()));
        x.end();
        x.end();
    }
}
