package de.ozgkit.einvoice.internal.xml;

import de.ozgkit.einvoice.model.AllowanceCharge;
import de.ozgkit.einvoice.model.Buyer;
import de.ozgkit.einvoice.model.Classification;
import de.ozgkit.einvoice.model.Contact;
import de.ozgkit.einvoice.model.CreditTransfer;
import de.ozgkit.einvoice.model.Delivery;
import de.ozgkit.einvoice.model.DirectDebit;
import de.ozgkit.einvoice.model.DocumentTotals;
import de.ozgkit.einvoice.model.Identifier;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceBuilder;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.Item;
import de.ozgkit.einvoice.model.ItemAttribute;
import de.ozgkit.einvoice.model.LineAllowanceCharge;
import de.ozgkit.einvoice.model.Note;
import de.ozgkit.einvoice.model.Payee;
import de.ozgkit.einvoice.model.PaymentCard;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a UBL 2.1 Invoice or CreditNote into the model, one top-level block at a time (each
 * invoice line is read, mapped and dropped before the next). Not API.
 */
final class UblReader extends ReadSupport {


    private final NodeStream s;
    private final XmlNode root;
    private final InvoiceBuilder b = Invoice.rawBuilder();
    private final List<XmlNode> taxTotals = new ArrayList<>(2);
    private String currency;
    private String taxCurrency;
    private boolean paymentSeen;
    private String meansCode;
    private String meansText;
    private String remittance;
    private final List<CreditTransfer> transfers = new ArrayList<>(2);
    private PaymentCard card;
    private String mandate;
    private String debitedAccount;
    private String creditorId;
    private LocalDate dueDate;
    private LocalDate meansDueDate;
    private XmlNode monetaryTotal;
    private boolean sawId;
    private boolean sawIssueDate;
    private boolean sawSeller;
    private boolean sawBuyer;

    UblReader(NodeStream s, XmlNode root) {
        this.s = s;
        this.root = root;
    }

    Invoice read() {
        for (XmlNode c = s.nextChild(); c != null; c = s.nextChild()) {
            if (!Ns.CBC.equals(c.ns) && !Ns.CAC.equals(c.ns)) {
                s.fill(c); // extensions and foreign elements carry nothing of EN 16931
                continue;
            }
            s.fill(c);
            if (c.name.equals("InvoiceLine") || c.name.equals("CreditNoteLine")) {
                b.addLine(line(c));
            } else {
                header(c);
            }
        }
        s.finish();
        if (!sawId) {
            throw missing(root, "the invoice number (cbc:ID, BT-1)");
        }
        if (!sawIssueDate) {
            throw missing(root, "the issue date (cbc:IssueDate, BT-2)");
        }
        if (!sawSeller) {
            throw missing(root, "the seller (cac:AccountingSupplierParty, BG-4)");
        }
        if (!sawBuyer) {
            throw missing(root, "the buyer (cac:AccountingCustomerParty, BG-7)");
        }
        if (monetaryTotal == null) {
            throw missing(root, "the document totals (cac:LegalMonetaryTotal, BG-22)");
        }
        b.paymentDueDate(dueDate != null ? dueDate : meansDueDate);
        if (paymentSeen || creditorId != null) {
            DirectDebit dd = mandate == null && debitedAccount == null && creditorId == null ? null
                    : new DirectDebit(mandate, creditorId, debitedAccount);
            b.paymentInstructions(new PaymentInstructions(meansCode, meansText, remittance, transfers, card, dd));
        }
        totals();
        return b.build();
    }

    private void header(XmlNode c) {
        switch (c.name) {
            case "CustomizationID" -> b.specificationIdentifier(tok(c));
            case "ProfileID" -> b.businessProcessType(tok(c));
            case "ID" -> {
                sawId = true;
                b.number(tok(c));
            }
            case "IssueDate" -> {
                sawIssueDate = true;
                b.issueDate(isoDate(c));
            }
            case "DueDate" -> dueDate = isoDate(c);
            case "InvoiceTypeCode", "CreditNoteTypeCode" -> b.typeCode(tok(c));
            case "Note" -> note(c);
            case "TaxPointDate" -> b.vatPointDate(isoDate(c));
            case "DocumentCurrencyCode" -> {
                currency = tok(c);
                b.currencyCode(currency);
            }
            case "TaxCurrencyCode" -> {
                taxCurrency = tok(c);
                b.vatAccountingCurrencyCode(taxCurrency);
            }
            case "AccountingCost" -> b.buyerAccountingReference(tok(c));
            case "BuyerReference" -> b.buyerReference(tok(c));
            case "InvoicePeriod" -> {
                LocalDate start = isoDate(c.child("StartDate"));
                LocalDate end = isoDate(c.child("EndDate"));
                if (start != null || end != null) {
                    b.invoicingPeriod(new Period(start, end));
                }
                b.vatPointDateCode(tok(c.child("DescriptionCode")));
            }
            case "OrderReference" -> {
                String id = tok(c.child("ID"));
                String sales = tok(c.child("SalesOrderID"));
                b.purchaseOrderReference(sales != null && UblWriter.ORDER_ID_NOT_AVAILABLE.equals(id) ? null : id);
                b.salesOrderReference(sales);
            }
            case "BillingReference" -> {
                XmlNode ref = c.child("InvoiceDocumentReference");
                if (ref != null && tok(ref.child("ID")) != null) {
                    b.addPrecedingInvoice(new PrecedingInvoiceReference(tok(ref.child("ID")), isoDate(ref.child("IssueDate"))));
                }
            }
            case "DespatchDocumentReference" -> b.despatchAdviceReference(tok(c.child("ID")));
            case "ReceiptDocumentReference" -> b.receivingAdviceReference(tok(c.child("ID")));
            case "OriginatorDocumentReference" -> b.tenderOrLotReference(tok(c.child("ID")));
            case "ContractDocumentReference" -> b.contractReference(tok(c.child("ID")));
            case "AdditionalDocumentReference" -> additionalDocument(c);
            case "ProjectReference" -> b.projectReference(tok(c.child("ID")));
            case "AccountingSupplierParty" -> {
                sawSeller = true;
                b.seller(seller(need(c, "Party", "the seller's party")));
            }
            case "AccountingCustomerParty" -> {
                sawBuyer = true;
                b.buyer(buyer(need(c, "Party", "the buyer's party")));
            }
            case "PayeeParty" -> b.payee(payee(c));
            case "TaxRepresentativeParty" -> b.taxRepresentative(new TaxRepresentative(tok(c, "PartyName/Name"),
                    tok(c, "PartyTaxScheme/CompanyID"), address(c.child("PostalAddress"))));
            case "Delivery" -> delivery(c);
            case "PaymentMeans" -> paymentMeans(c);
            case "PaymentTerms" -> {
                if (c.child("Note") != null) {
                    b.paymentTerms(verbatim(c.child("Note")));
                }
            }
            case "PrepaidPayment" -> b.addThirdPartyPayment(new ThirdPartyPayment(tok(c.child("ID")),
                    dec(c.child("PaidAmount")), tok(c.child("InstructionID"))));
            case "AllowanceCharge" -> b.addAllowanceCharge(new AllowanceCharge(bool(c.child("ChargeIndicator")),
                    dec(c.child("Amount")), dec(c.child("BaseAmount")), dec(c.child("MultiplierFactorNumeric")),
                    tok(c, "TaxCategory/ID"), dec(c, "TaxCategory/Percent"), tok(c.child("AllowanceChargeReason")),
                    tok(c.child("AllowanceChargeReasonCode"))));
            case "TaxTotal" -> taxTotals.add(c);
            case "LegalMonetaryTotal" -> monetaryTotal = c;
            default -> {
                // elements outside EN 16931 are ignored
            }
        }
    }

    private void note(XmlNode c) {
        String text = verbatim(c);
        if (text != null) {
            // a leading #CODE# is the subject code (BT-21); the Note constructor splits it
            b.addNote(Note.of(text));
        }
    }

    private void additionalDocument(XmlNode c) {
        String type = tok(c.child("DocumentTypeCode"));
        XmlNode idNode = c.child("ID");
        if ("130".equals(type)) {
            b.invoicedObjectIdentifier(id(idNode, "schemeID"));
            return;
        }
        if ("50".equals(type)) {
            b.projectReference(tok(idNode));
            return;
        }
        String ref = tok(idNode);
        if (ref == null) {
            throw missing(c, "the supporting document reference (cbc:ID, BT-122)");
        }
        XmlNode att = c.child("Attachment");
        b.addSupportingDocument(new SupportingDocument(ref, tok(c.child("DocumentDescription")),
                att == null ? null : tok(att, "ExternalReference/URI"),
                att == null ? null : binary(att.child("EmbeddedDocumentBinaryObject"))));
    }

    private PostalAddress address(XmlNode a) {
        if (a == null) {
            return null;
        }
        return new PostalAddress(tok(a.child("StreetName")), tok(a.child("AdditionalStreetName")),
                tok(a, "AddressLine/Line"), tok(a.child("CityName")), tok(a.child("PostalZone")),
                tok(a.child("CountrySubentity")), tok(a, "Country/IdentificationCode"));
    }

    private Contact contact(XmlNode c) {
        if (c == null) {
            return null;
        }
        return new Contact(tok(c.child("Name")), tok(c.child("Telephone")), tok(c.child("ElectronicMail")));
    }

    private static boolean isVat(XmlNode taxScheme) {
        String id = taxScheme == null ? null : taxScheme.at("TaxScheme/ID") == null ? null
                : taxScheme.at("TaxScheme/ID").text;
        return id != null && id.strip().equalsIgnoreCase("VAT");
    }

    private List<Identifier> partyIds(XmlNode party) {
        List<Identifier> ids = new ArrayList<>(1);
        for (XmlNode pi : party.all("PartyIdentification")) {
            Identifier id = id(pi.child("ID"), "schemeID");
            if (id == null) {
                continue;
            }
            if ("SEPA".equalsIgnoreCase(id.schemeId())) {
                creditorId = id.value();
            } else {
                ids.add(id);
            }
        }
        return ids;
    }

    private Seller seller(XmlNode p) {
        Seller.Builder sb = Seller.builder();
        partyIds(p).forEach(sb::addIdentifier);
        sb.electronicAddress(id(p.child("EndpointID"), "schemeID"));
        sb.tradingName(tok(p, "PartyName/Name"));
        sb.address(address(p.child("PostalAddress")));
        for (XmlNode ts : p.all("PartyTaxScheme")) {
            if (isVat(ts)) {
                sb.vatId(tok(ts.child("CompanyID")));
            } else {
                sb.taxRegistrationId(tok(ts.child("CompanyID")));
            }
        }
        XmlNode le = p.child("PartyLegalEntity");
        if (le != null) {
            sb.name(tok(le.child("RegistrationName")));
            sb.legalRegistrationId(id(le.child("CompanyID"), "schemeID"));
            sb.additionalLegalInformation(tok(le.child("CompanyLegalForm")));
        }
        sb.contact(contact(p.child("Contact")));
        return sb.build();
    }

    private Buyer buyer(XmlNode p) {
        Buyer.Builder bb = Buyer.builder();
        List<Identifier> ids = partyIds(p);
        bb.identifier(ids.isEmpty() ? null : ids.get(0));
        bb.electronicAddress(id(p.child("EndpointID"), "schemeID"));
        bb.tradingName(tok(p, "PartyName/Name"));
        bb.address(address(p.child("PostalAddress")));
        for (XmlNode ts : p.all("PartyTaxScheme")) {
            if (isVat(ts)) {
                bb.vatId(tok(ts.child("CompanyID")));
            }
        }
        XmlNode le = p.child("PartyLegalEntity");
        if (le != null) {
            bb.name(tok(le.child("RegistrationName")));
            bb.legalRegistrationId(id(le.child("CompanyID"), "schemeID"));
        }
        bb.contact(contact(p.child("Contact")));
        return bb.build();
    }

    private Payee payee(XmlNode p) {
        List<Identifier> ids = partyIds(p);
        XmlNode le = p.child("PartyLegalEntity");
        return new Payee(tok(p, "PartyName/Name"), ids.isEmpty() ? null : ids.get(0),
                le == null ? null : id(le.child("CompanyID"), "schemeID"));
    }

    private void delivery(XmlNode d) {
        XmlNode loc = d.child("DeliveryLocation");
        b.delivery(new Delivery(tok(d, "DeliveryParty/PartyName/Name"), loc == null ? null : id(loc.child("ID"), "schemeID"),
                isoDate(d.child("ActualDeliveryDate")), loc == null ? null : address(loc.child("Address"))));
    }

    private void paymentMeans(XmlNode pm) {
        paymentSeen = true;
        XmlNode code = pm.child("PaymentMeansCode");
        if (meansCode == null) {
            meansCode = tok(code);
        }
        if (meansText == null && code != null && code.attr("name") != null && !code.attr("name").isBlank()) {
            meansText = code.attr("name").strip();
        }
        if (meansDueDate == null) {
            meansDueDate = isoDate(pm.child("PaymentDueDate"));
        }
        if (remittance == null) {
            remittance = tok(pm.child("PaymentID"));
        }
        XmlNode cardNode = pm.child("CardAccount");
        if (cardNode != null && card == null && tok(cardNode.child("PrimaryAccountNumberID")) != null) {
            card = new PaymentCard(tok(cardNode.child("PrimaryAccountNumberID")), tok(cardNode.child("HolderName")));
        }
        XmlNode account = pm.child("PayeeFinancialAccount");
        if (account != null && tok(account.child("ID")) != null) {
            transfers.add(new CreditTransfer(tok(account.child("ID")), tok(account.child("Name")),
                    tok(account, "FinancialInstitutionBranch/ID")));
        }
        XmlNode m = pm.child("PaymentMandate");
        if (m != null) {
            if (mandate == null) {
                mandate = tok(m.child("ID"));
            }
            if (debitedAccount == null) {
                debitedAccount = tok(m, "PayerFinancialAccount/ID");
            }
        }
    }

    private void totals() {
        BigDecimal vatTotal = null;
        BigDecimal vatAccounting = null;
        for (XmlNode t : taxTotals) {
            XmlNode amount = t.child("TaxAmount");
            String cur = amount == null || amount.attr("currencyID") == null ? null : amount.attr("currencyID").strip();
            List<XmlNode> subs = t.all("TaxSubtotal");
            boolean accounting = subs.isEmpty() && taxCurrency != null && taxCurrency.equals(cur)
                    && !taxCurrency.equals(currency);
            if (accounting) {
                vatAccounting = dec(amount);
            } else if (!subs.isEmpty() || vatTotal == null) {
                vatTotal = dec(amount);
                for (XmlNode st : subs) {
                    XmlNode cat = st.child("TaxCategory");
                    b.addVatBreakdown(new VatBreakdown(dec(st.child("TaxableAmount")), dec(st.child("TaxAmount")),
                            tok(cat, "ID"), dec(cat, "Percent"), tok(cat, "TaxExemptionReason"),
                            tok(cat, "TaxExemptionReasonCode")));
                }
            }
        }
        XmlNode m = monetaryTotal;
        b.totals(new DocumentTotals(dec(m.child("LineExtensionAmount")), dec(m.child("AllowanceTotalAmount")),
                dec(m.child("ChargeTotalAmount")), dec(m.child("TaxExclusiveAmount")), vatTotal, vatAccounting,
                dec(m.child("TaxInclusiveAmount")), dec(m.child("PrepaidAmount")), dec(m.child("PayableRoundingAmount")),
                dec(m.child("PayableAmount"))));
    }

    private InvoiceLine line(XmlNode l) {
        InvoiceLine.Builder lb = InvoiceLine.rawBuilder();
        XmlNode id = l.child("ID");
        if (tok(id) == null) {
            throw missing(l, "the line identifier (cbc:ID, BT-126)");
        }
        lb.id(tok(id));
        lb.note(verbatim(l.child("Note")));
        XmlNode qty = l.child("InvoicedQuantity");
        if (qty == null) {
            qty = l.child("CreditedQuantity");
        }
        lb.quantity(dec(qty), qty == null ? null : attr(qty, "unitCode"));
        lb.netAmount(dec(l.child("LineExtensionAmount")));
        lb.buyerAccountingReference(tok(l.child("AccountingCost")));
        XmlNode p = l.child("InvoicePeriod");
        if (p != null) {
            lb.period(new Period(isoDate(p.child("StartDate")), isoDate(p.child("EndDate"))));
        }
        lb.orderLineReference(tok(l, "OrderLineReference/LineID"));
        XmlNode doc = l.child("DocumentReference");
        if (doc != null) {
            lb.objectIdentifier(id(doc.child("ID"), "schemeID"));
        }
        for (XmlNode ac : l.all("AllowanceCharge")) {
            lb.addAllowanceCharge(new LineAllowanceCharge(bool(ac.child("ChargeIndicator")), dec(ac.child("Amount")),
                    dec(ac.child("BaseAmount")), dec(ac.child("MultiplierFactorNumeric")),
                    tok(ac.child("AllowanceChargeReason")), tok(ac.child("AllowanceChargeReasonCode"))));
        }
        XmlNode item = l.child("Item");
        if (item == null) {
            throw missing(l, "the item (cac:Item, BG-31)");
        }
        List<Classification> classes = new ArrayList<>(1);
        for (XmlNode cc : item.all("CommodityClassification")) {
            XmlNode code = cc.child("ItemClassificationCode");
            if (tok(code) != null) {
                classes.add(new Classification(tok(code), attr(code, "listID"), attr(code, "listVersionID")));
            }
        }
        List<ItemAttribute> attributes = new ArrayList<>(1);
        for (XmlNode ap : item.all("AdditionalItemProperty")) {
            String name = tok(ap.child("Name"));
            String value = tok(ap.child("Value"));
            if (name != null && value != null) {
                attributes.add(new ItemAttribute(name, value));
            }
        }
        lb.item(new Item(tok(item.child("Name")), tok(item.child("Description")),
                tok(item, "SellersItemIdentification/ID"), tok(item, "BuyersItemIdentification/ID"),
                item.child("StandardItemIdentification") == null ? null
                        : id(item.at("StandardItemIdentification/ID"), "schemeID"),
                classes, tok(item, "OriginCountry/IdentificationCode"), attributes));
        XmlNode tax = item.child("ClassifiedTaxCategory");
        lb.vat(tok(tax, "ID"), dec(tax, "Percent"));
        XmlNode price = l.child("Price");
        if (price != null) {
            XmlNode base = price.child("BaseQuantity");
            XmlNode discount = price.child("AllowanceCharge");
            lb.price(new Price(dec(price.child("PriceAmount")), discount == null ? null : dec(discount.child("Amount")),
                    discount == null ? null : dec(discount.child("BaseAmount")), dec(base),
                    base == null ? null : attr(base, "unitCode")));
        }
        for (XmlNode sub : l.children()) {
            if (sub.name.equals("SubInvoiceLine") || sub.name.equals("SubCreditNoteLine")) {
                lb.addSubLine(line(sub));
            }
        }
        return lb.build();
    }

    private String attr(XmlNode n, String name) {
        return code(n.attr(name));
    }
}
