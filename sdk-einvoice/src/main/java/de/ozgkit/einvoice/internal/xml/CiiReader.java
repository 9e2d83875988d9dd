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
import de.ozgkit.einvoice.model.VatBreakdown;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a UN/CEFACT CII D16B CrossIndustryInvoice into the model, one block at a time (each line
 * item is read, mapped and dropped before the next). Not API.
 */
final class CiiReader extends ReadSupport {

    private final NodeStream s;
    private final XmlNode root;
    private final InvoiceBuilder b = Invoice.rawBuilder();
    private boolean sawDocument;
    private boolean sawTransaction;
    private boolean sawAgreement;
    private boolean sawSettlement;

    CiiReader(NodeStream s, XmlNode root) {
        this.s = s;
        this.root = root;
    }

    Invoice read() {
        for (XmlNode c = s.nextChild(); c != null; c = s.nextChild()) {
            if (!Ns.RSM.equals(c.ns)) {
                s.fill(c);
                continue;
            }
            switch (c.name) {
                case "ExchangedDocumentContext" -> {
                    s.fill(c);
                    b.businessProcessType(tok(c, "BusinessProcessSpecifiedDocumentContextParameter/ID"));
                    b.specificationIdentifier(tok(c, "GuidelineSpecifiedDocumentContextParameter/ID"));
                }
                case "ExchangedDocument" -> document(s.fill(c));
                case "SupplyChainTradeTransaction" -> transaction(c);
                default -> s.fill(c);
            }
        }
        s.finish();
        if (!sawDocument) {
            throw missing(root, "the document header (rsm:ExchangedDocument)");
        }
        if (!sawTransaction) {
            throw missing(root, "the transaction (rsm:SupplyChainTradeTransaction)");
        }
        if (!sawAgreement) {
            throw missing(root, "the header agreement with seller and buyer (ram:ApplicableHeaderTradeAgreement)");
        }
        if (!sawSettlement) {
            throw missing(root, "the header settlement with the totals (ram:ApplicableHeaderTradeSettlement)");
        }
        return b.build();
    }

    private void document(XmlNode d) {
        sawDocument = true;
        XmlNode id = need(d, "ID", "the invoice number (BT-1)");
        b.number(tok(id));
        b.typeCode(tok(d.child("TypeCode")));
        b.issueDate(basicDate(need(d, "IssueDateTime", "the issue date (BT-2)")));
        for (XmlNode n : d.all("IncludedNote")) {
            String text = verbatim(n.child("Content"));
            if (text != null) {
                b.addNote(new Note(tok(n.child("SubjectCode")), text));
            }
        }
    }

    private void transaction(XmlNode t) {
        sawTransaction = true;
        for (XmlNode c = s.nextChild(); c != null; c = s.nextChild()) {
            s.fill(c);
            switch (c.name) {
                case "IncludedSupplyChainTradeLineItem" -> b.addLine(line(c));
                case "ApplicableHeaderTradeAgreement" -> agreement(c);
                case "ApplicableHeaderTradeDelivery" -> delivery(c);
                case "ApplicableHeaderTradeSettlement" -> settlement(c);
                default -> {
                    // nothing else belongs to EN 16931
                }
            }
        }
    }

    private PostalAddress address(XmlNode a) {
        if (a == null) {
            return null;
        }
        return new PostalAddress(tok(a.child("LineOne")), tok(a.child("LineTwo")), tok(a.child("LineThree")),
                tok(a.child("CityName")), tok(a.child("PostcodeCode")), tok(a.child("CountrySubDivisionName")),
                tok(a.child("CountryID")));
    }

    private Contact contact(XmlNode c) {
        if (c == null) {
            return null;
        }
        String name = tok(c.child("PersonName"));
        if (name == null) {
            name = tok(c.child("DepartmentName"));
        }
        return new Contact(name, tok(c, "TelephoneUniversalCommunication/CompleteNumber"),
                tok(c, "EmailURIUniversalCommunication/URIID"));
    }

    /** Party identifiers: ram:ID without scheme, then ram:GlobalID with scheme. */
    private List<Identifier> partyIds(XmlNode p) {
        List<Identifier> ids = new ArrayList<>(1);
        for (XmlNode n : p.all("ID")) {
            Identifier id = id(n, "schemeID");
            if (id != null) {
                ids.add(id);
            }
        }
        for (XmlNode n : p.all("GlobalID")) {
            Identifier id = id(n, "schemeID");
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Identifier electronicAddress(XmlNode p) {
        XmlNode uri = p.at("URIUniversalCommunication/URIID");
        return id(uri, "schemeID");
    }

    private Seller seller(XmlNode p) {
        Seller.Builder sb = Seller.builder();
        partyIds(p).forEach(sb::addIdentifier);
        sb.name(tok(p.child("Name")));
        sb.additionalLegalInformation(tok(p.child("Description")));
        XmlNode org = p.child("SpecifiedLegalOrganization");
        if (org != null) {
            sb.legalRegistrationId(id(org.child("ID"), "schemeID"));
            sb.tradingName(tok(org.child("TradingBusinessName")));
        }
        sb.contact(contact(p.child("DefinedTradeContact")));
        sb.address(address(p.child("PostalTradeAddress")));
        sb.electronicAddress(electronicAddress(p));
        for (XmlNode tr : p.all("SpecifiedTaxRegistration")) {
            XmlNode id = tr.child("ID");
            String scheme = id == null ? null : code(id.attr("schemeID"));
            if ("VA".equals(scheme)) {
                sb.vatId(tok(id));
            } else if (id != null) {
                sb.taxRegistrationId(tok(id));
            }
        }
        return sb.build();
    }

    private Buyer buyer(XmlNode p) {
        Buyer.Builder bb = Buyer.builder();
        List<Identifier> ids = partyIds(p);
        bb.identifier(ids.isEmpty() ? null : ids.get(0));
        bb.name(tok(p.child("Name")));
        XmlNode org = p.child("SpecifiedLegalOrganization");
        if (org != null) {
            bb.legalRegistrationId(id(org.child("ID"), "schemeID"));
            bb.tradingName(tok(org.child("TradingBusinessName")));
        }
        bb.contact(contact(p.child("DefinedTradeContact")));
        bb.address(address(p.child("PostalTradeAddress")));
        bb.electronicAddress(electronicAddress(p));
        for (XmlNode tr : p.all("SpecifiedTaxRegistration")) {
            XmlNode id = tr.child("ID");
            if (id != null && "VA".equals(code(id.attr("schemeID")))) {
                bb.vatId(tok(id));
            }
        }
        return bb.build();
    }

    private void agreement(XmlNode a) {
        sawAgreement = true;
        b.buyerReference(tok(a.child("BuyerReference")));
        b.seller(seller(need(a, "SellerTradeParty", "the seller (BG-4)")));
        b.buyer(buyer(need(a, "BuyerTradeParty", "the buyer (BG-7)")));
        XmlNode rep = a.child("SellerTaxRepresentativeTradeParty");
        if (rep != null) {
            b.taxRepresentative(new TaxRepresentative(tok(rep.child("Name")), tok(rep, "SpecifiedTaxRegistration/ID"),
                    address(rep.child("PostalTradeAddress"))));
        }
        b.salesOrderReference(tok(a, "SellerOrderReferencedDocument/IssuerAssignedID"));
        b.purchaseOrderReference(tok(a, "BuyerOrderReferencedDocument/IssuerAssignedID"));
        b.contractReference(tok(a, "ContractReferencedDocument/IssuerAssignedID"));
        for (XmlNode d : a.all("AdditionalReferencedDocument")) {
            String type = tok(d.child("TypeCode"));
            XmlNode idNode = d.child("IssuerAssignedID");
            if ("50".equals(type)) {
                b.tenderOrLotReference(tok(idNode));
            } else if ("130".equals(type)) {
                String v = tok(idNode);
                if (v != null) {
                    b.invoicedObjectIdentifier(new Identifier(v, tok(d.child("ReferenceTypeCode"))));
                }
            } else {
                String ref = tok(idNode);
                if (ref == null) {
                    throw missing(d, "the supporting document reference (ram:IssuerAssignedID, BT-122)");
                }
                b.addSupportingDocument(new SupportingDocument(ref, tok(d.child("Name")), tok(d.child("URIID")),
                        binary(d.child("AttachmentBinaryObject"))));
            }
        }
        b.projectReference(tok(a, "SpecifiedProcuringProject/ID"));
    }

    private void delivery(XmlNode d) {
        XmlNode ship = d.child("ShipToTradeParty");
        LocalDate date = basicDate(d.at("ActualDeliverySupplyChainEvent/OccurrenceDateTime"));
        if (ship != null || date != null) {
            List<Identifier> ids = ship == null ? List.of() : partyIds(ship);
            b.delivery(new Delivery(ship == null ? null : tok(ship.child("Name")), ids.isEmpty() ? null : ids.get(0),
                    date, ship == null ? null : address(ship.child("PostalTradeAddress"))));
        }
        b.despatchAdviceReference(tok(d, "DespatchAdviceReferencedDocument/IssuerAssignedID"));
        b.receivingAdviceReference(tok(d, "ReceivingAdviceReferencedDocument/IssuerAssignedID"));
    }

    private void settlement(XmlNode st) {
        sawSettlement = true;
        String currency = tok(st.child("InvoiceCurrencyCode"));
        String taxCurrency = tok(st.child("TaxCurrencyCode"));
        b.currencyCode(currency);
        b.vatAccountingCurrencyCode(taxCurrency);
        XmlNode payeeNode = st.child("PayeeTradeParty");
        if (payeeNode != null) {
            List<Identifier> ids = partyIds(payeeNode);
            b.payee(new Payee(tok(payeeNode.child("Name")), ids.isEmpty() ? null : ids.get(0),
                    id(payeeNode.at("SpecifiedLegalOrganization/ID"), "schemeID")));
        }
        // payment instructions (BG-16 .. BG-19)
        String meansCode = null;
        String meansText = null;
        PaymentCard card = null;
        String debited = null;
        List<CreditTransfer> transfers = new ArrayList<>(2);
        List<XmlNode> means = st.all("SpecifiedTradeSettlementPaymentMeans");
        for (XmlNode m : means) {
            if (meansCode == null) {
                meansCode = tok(m.child("TypeCode"));
            }
            if (meansText == null) {
                meansText = tok(m.child("Information"));
            }
            XmlNode cardNode = m.child("ApplicableTradeSettlementFinancialCard");
            if (card == null && cardNode != null && tok(cardNode.child("ID")) != null) {
                card = new PaymentCard(tok(cardNode.child("ID")), tok(cardNode.child("CardholderName")));
            }
            if (debited == null) {
                debited = tok(m, "PayerPartyDebtorFinancialAccount/IBANID");
            }
            XmlNode acc = m.child("PayeePartyCreditorFinancialAccount");
            if (acc != null) {
                String id = tok(acc.child("IBANID"));
                if (id == null) {
                    id = tok(acc.child("ProprietaryID"));
                }
                if (id != null) {
                    transfers.add(new CreditTransfer(id, tok(acc.child("AccountName")),
                            tok(m, "PayeeSpecifiedCreditorFinancialInstitution/BICID")));
                }
            }
        }
        String mandate = null;
        String terms = null;
        LocalDate due = null;
        for (XmlNode pt : st.all("SpecifiedTradePaymentTerms")) {
            if (terms == null) {
                terms = verbatim(pt.child("Description"));
            }
            if (due == null) {
                due = basicDate(pt.child("DueDateDateTime"));
            }
            if (mandate == null) {
                mandate = tok(pt.child("DirectDebitMandateID"));
            }
        }
        b.paymentTerms(terms);
        b.paymentDueDate(due);
        String creditor = tok(st.child("CreditorReferenceID"));
        String remittance = tok(st.child("PaymentReference"));
        if (!means.isEmpty() || creditor != null) {
            DirectDebit dd = mandate == null && debited == null && creditor == null ? null
                    : new DirectDebit(mandate, creditor, debited);
            b.paymentInstructions(new PaymentInstructions(meansCode, meansText, remittance, transfers, card, dd));
        }
        // VAT breakdown (BG-23) with BT-7 and BT-8
        for (XmlNode t : st.all("ApplicableTradeTax")) {
            b.addVatBreakdown(new VatBreakdown(dec(t.child("BasisAmount")), dec(t.child("CalculatedAmount")),
                    tok(t.child("CategoryCode")), dec(t.child("RateApplicablePercent")), tok(t.child("ExemptionReason")),
                    tok(t.child("ExemptionReasonCode"))));
            if (t.child("TaxPointDate") != null) {
                b.vatPointDate(basicDate(t.child("TaxPointDate")));
            }
            if (t.child("DueDateTypeCode") != null) {
                b.vatPointDateCode(DateCodes.fromCii(tok(t.child("DueDateTypeCode"))));
            }
        }
        XmlNode period = st.child("BillingSpecifiedPeriod");
        if (period != null) {
            b.invoicingPeriod(new Period(basicDate(period.child("StartDateTime")), basicDate(period.child("EndDateTime"))));
        }
        for (XmlNode ac : st.all("SpecifiedTradeAllowanceCharge")) {
            XmlNode tax = ac.child("CategoryTradeTax");
            b.addAllowanceCharge(new AllowanceCharge(bool(ac.at("ChargeIndicator/Indicator")), dec(ac.child("ActualAmount")),
                    dec(ac.child("BasisAmount")), dec(ac.child("CalculationPercent")), tok(tax, "CategoryCode"),
                    dec(tax, "RateApplicablePercent"), tok(ac.child("Reason")), tok(ac.child("ReasonCode"))));
        }
        XmlNode sum = need(st, "SpecifiedTradeSettlementHeaderMonetarySummation", "the document totals (BG-22)");
        BigDecimal vatTotal = null;
        BigDecimal vatAccounting = null;
        for (XmlNode t : sum.all("TaxTotalAmount")) {
            String cur = code(t.attr("currencyID"));
            if (taxCurrency != null && taxCurrency.equals(cur) && !taxCurrency.equals(currency)) {
                vatAccounting = dec(t);
            } else if (vatTotal == null) {
                vatTotal = dec(t);
            }
        }
        b.totals(new DocumentTotals(dec(sum.child("LineTotalAmount")), dec(sum.child("AllowanceTotalAmount")),
                dec(sum.child("ChargeTotalAmount")), dec(sum.child("TaxBasisTotalAmount")), vatTotal, vatAccounting,
                dec(sum.child("GrandTotalAmount")), dec(sum.child("TotalPrepaidAmount")), dec(sum.child("RoundingAmount")),
                dec(sum.child("DuePayableAmount"))));
        for (XmlNode r : st.all("InvoiceReferencedDocument")) {
            String id = tok(r.child("IssuerAssignedID"));
            if (id != null) {
                b.addPrecedingInvoice(new PrecedingInvoiceReference(id, basicDate(r.child("FormattedIssueDateTime"))));
            }
        }
        b.buyerAccountingReference(tok(st, "ReceivableSpecifiedTradeAccountingAccount/ID"));
    }

    private InvoiceLine line(XmlNode l) {
        InvoiceLine.Builder lb = InvoiceLine.rawBuilder();
        XmlNode doc = need(l, "AssociatedDocumentLineDocument", "the line document (BT-126)");
        String id = tok(doc.child("LineID"));
        if (id == null) {
            throw missing(doc, "the line identifier (ram:LineID, BT-126)");
        }
        lb.id(id);
        XmlNode note = doc.child("IncludedNote");
        lb.note(note == null ? null : verbatim(note.child("Content")));

        XmlNode product = need(l, "SpecifiedTradeProduct", "the item (BG-31)");
        List<ItemAttribute> attributes = new ArrayList<>(1);
        for (XmlNode ch : product.all("ApplicableProductCharacteristic")) {
            String name = tok(ch.child("Description"));
            String value = tok(ch.child("Value"));
            if (name != null && value != null) {
                attributes.add(new ItemAttribute(name, value));
            }
        }
        List<Classification> classes = new ArrayList<>(1);
        for (XmlNode pc : product.all("DesignatedProductClassification")) {
            XmlNode cc = pc.child("ClassCode");
            if (tok(cc) != null) {
                classes.add(new Classification(tok(cc), code(cc.attr("listID")), code(cc.attr("listVersionID"))));
            }
        }
        lb.item(new Item(tok(product.child("Name")), tok(product.child("Description")),
                tok(product.child("SellerAssignedID")), tok(product.child("BuyerAssignedID")),
                id(product.child("GlobalID"), "schemeID"), classes, tok(product, "OriginTradeCountry/ID"), attributes));

        XmlNode agreement = l.child("SpecifiedLineTradeAgreement");
        if (agreement != null) {
            lb.orderLineReference(tok(agreement, "BuyerOrderReferencedDocument/LineID"));
            XmlNode net = agreement.child("NetPriceProductTradePrice");
            XmlNode gross = agreement.child("GrossPriceProductTradePrice");
            if (net != null || gross != null) {
                XmlNode base = net == null ? null : net.child("BasisQuantity");
                if (base == null && gross != null) {
                    base = gross.child("BasisQuantity");
                }
                XmlNode discount = gross == null ? null : gross.at("AppliedTradeAllowanceCharge/ActualAmount");
                lb.price(new Price(dec(net, "ChargeAmount"), dec(discount), dec(gross, "ChargeAmount"), dec(base),
                        base == null ? null : code(base.attr("unitCode"))));
            }
        }
        XmlNode qty = l.at("SpecifiedLineTradeDelivery/BilledQuantity");
        lb.quantity(dec(qty), qty == null ? null : code(qty.attr("unitCode")));

        XmlNode st = need(l, "SpecifiedLineTradeSettlement", "the line settlement (BT-131, BG-30)");
        XmlNode tax = st.child("ApplicableTradeTax");
        lb.vat(tok(tax, "CategoryCode"), dec(tax, "RateApplicablePercent"));
        XmlNode period = st.child("BillingSpecifiedPeriod");
        if (period != null) {
            lb.period(new Period(basicDate(period.child("StartDateTime")), basicDate(period.child("EndDateTime"))));
        }
        for (XmlNode ac : st.all("SpecifiedTradeAllowanceCharge")) {
            lb.addAllowanceCharge(new LineAllowanceCharge(bool(ac.at("ChargeIndicator/Indicator")),
                    dec(ac.child("ActualAmount")), dec(ac.child("BasisAmount")), dec(ac.child("CalculationPercent")),
                    tok(ac.child("Reason")), tok(ac.child("ReasonCode"))));
        }
        lb.netAmount(dec(st, "SpecifiedTradeSettlementLineMonetarySummation/LineTotalAmount"));
        for (XmlNode d : st.all("AdditionalReferencedDocument")) {
            if ("130".equals(tok(d.child("TypeCode"))) && tok(d.child("IssuerAssignedID")) != null) {
                lb.objectIdentifier(new Identifier(tok(d.child("IssuerAssignedID")), tok(d.child("ReferenceTypeCode"))));
            }
        }
        lb.buyerAccountingReference(tok(st, "ReceivableSpecifiedTradeAccountingAccount/ID"));
        return lb.build();
    }
}
