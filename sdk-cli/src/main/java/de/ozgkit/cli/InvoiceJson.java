package de.ozgkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.ValidationReport;
import de.ozgkit.einvoice.model.AllowanceCharge;
import de.ozgkit.einvoice.model.BinaryObject;
import de.ozgkit.einvoice.model.Buyer;
import de.ozgkit.einvoice.model.Classification;
import de.ozgkit.einvoice.model.Contact;
import de.ozgkit.einvoice.model.CreditTransfer;
import de.ozgkit.einvoice.model.Delivery;
import de.ozgkit.einvoice.model.DirectDebit;
import de.ozgkit.einvoice.model.DocumentTotals;
import de.ozgkit.einvoice.model.Identifier;
import de.ozgkit.einvoice.model.Invoice;
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
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON forms of {@code ozgkit einvoice show --json} and {@code ozgkit einvoice validate --json}.
 *
 * <p>The mapping is written out field by field, so that the names stay stable whatever the model's
 * Java names become. The names are the model's component names (documented with their EN 16931
 * business terms in {@code docs/cli.md}). Conventions: absent terms ({@code null} in the model) and
 * empty lists are left out; amounts, quantities, prices and rates are strings holding the exact
 * decimal (e.g. {@code "1136.45"}), so that no digit is lost to floating point; dates are
 * {@code YYYY-MM-DD}; identifiers are objects {@code {"value", "schemeId"}}; attachments carry their
 * content in base64. Stateless and thread-safe.
 */
final class InvoiceJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private InvoiceJson() {
    }

    /**
     * @param invoice the invoice
     * @return its JSON form
     */
    static ObjectNode invoice(Invoice invoice) {
        ObjectNode o = F.objectNode();
        text(o, "number", invoice.number());
        date(o, "issueDate", invoice.issueDate());
        text(o, "typeCode", invoice.typeCode());
        o.put("creditNote", invoice.isCreditNote());
        text(o, "currencyCode", invoice.currencyCode());
        text(o, "vatAccountingCurrencyCode", invoice.vatAccountingCurrencyCode());
        date(o, "vatPointDate", invoice.vatPointDate());
        text(o, "vatPointDateCode", invoice.vatPointDateCode());
        date(o, "paymentDueDate", invoice.paymentDueDate());
        text(o, "buyerReference", invoice.buyerReference());
        text(o, "projectReference", invoice.projectReference());
        text(o, "contractReference", invoice.contractReference());
        text(o, "purchaseOrderReference", invoice.purchaseOrderReference());
        text(o, "salesOrderReference", invoice.salesOrderReference());
        text(o, "receivingAdviceReference", invoice.receivingAdviceReference());
        text(o, "despatchAdviceReference", invoice.despatchAdviceReference());
        text(o, "tenderOrLotReference", invoice.tenderOrLotReference());
        object(o, "invoicedObjectIdentifier", invoice.invoicedObjectIdentifier(), InvoiceJson::identifier);
        text(o, "buyerAccountingReference", invoice.buyerAccountingReference());
        text(o, "paymentTerms", invoice.paymentTerms());
        list(o, "notes", invoice.notes(), InvoiceJson::note);
        text(o, "businessProcessType", invoice.businessProcessType());
        text(o, "specificationIdentifier", invoice.specificationIdentifier());
        invoice.variant().ifPresent(v -> o.put("variant", v.name()));
        list(o, "precedingInvoices", invoice.precedingInvoices(), InvoiceJson::precedingInvoice);
        object(o, "seller", invoice.seller(), InvoiceJson::seller);
        object(o, "buyer", invoice.buyer(), InvoiceJson::buyer);
        object(o, "payee", invoice.payee(), InvoiceJson::payee);
        object(o, "taxRepresentative", invoice.taxRepresentative(), InvoiceJson::taxRepresentative);
        object(o, "delivery", invoice.delivery(), InvoiceJson::delivery);
        object(o, "invoicingPeriod", invoice.invoicingPeriod(), InvoiceJson::period);
        object(o, "paymentInstructions", invoice.paymentInstructions(), InvoiceJson::paymentInstructions);
        list(o, "allowances", invoice.allowances(), InvoiceJson::allowanceCharge);
        list(o, "charges", invoice.charges(), InvoiceJson::allowanceCharge);
        object(o, "totals", invoice.totals(), InvoiceJson::totals);
        list(o, "vatBreakdown", invoice.vatBreakdown(), InvoiceJson::vatBreakdown);
        list(o, "supportingDocuments", invoice.supportingDocuments(), InvoiceJson::supportingDocument);
        list(o, "lines", invoice.lines(), InvoiceJson::line);
        list(o, "thirdPartyPayments", invoice.thirdPartyPayments(), InvoiceJson::thirdPartyPayment);
        return o;
    }

    /**
     * @param file   the file name as given on the command line
     * @param report the validation report
     * @return the JSON form of one file's validation result
     */
    static ObjectNode report(String file, ValidationReport report) {
        ObjectNode o = F.objectNode();
        o.put("file", file);
        o.put("valid", report.valid());
        o.put("errors", report.errorCount());
        report.syntax().ifPresent(s -> o.put("syntax", s.name()));
        report.variant().ifPresent(v -> o.put("variant", v.name()));
        report.profile().ifPresent(p -> o.put("profile", p.name()));
        ArrayNode ruleSets = o.putArray("ruleSets");
        report.ruleSets().forEach(r -> ruleSets.add(r.name()));
        ArrayNode findings = o.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode fo = findings.addObject();
            fo.put("ruleId", f.ruleId());
            fo.put("severity", f.severity().name());
            fo.put("location", f.location());
            fo.put("message", f.message());
            fo.put("layer", f.layer().name());
        }
        return o;
    }

    private static ObjectNode note(Note n) {
        ObjectNode o = F.objectNode();
        text(o, "subjectCode", n.subjectCode());
        text(o, "text", n.text());
        return o;
    }

    private static ObjectNode precedingInvoice(PrecedingInvoiceReference p) {
        ObjectNode o = F.objectNode();
        text(o, "number", p.number());
        date(o, "issueDate", p.issueDate());
        return o;
    }

    private static ObjectNode seller(Seller s) {
        ObjectNode o = F.objectNode();
        text(o, "name", s.name());
        text(o, "tradingName", s.tradingName());
        list(o, "identifiers", s.identifiers(), InvoiceJson::identifier);
        object(o, "legalRegistrationId", s.legalRegistrationId(), InvoiceJson::identifier);
        text(o, "vatId", s.vatId());
        text(o, "taxRegistrationId", s.taxRegistrationId());
        text(o, "additionalLegalInformation", s.additionalLegalInformation());
        object(o, "electronicAddress", s.electronicAddress(), InvoiceJson::identifier);
        object(o, "address", s.address(), InvoiceJson::address);
        object(o, "contact", s.contact(), InvoiceJson::contact);
        return o;
    }

    private static ObjectNode buyer(Buyer b) {
        ObjectNode o = F.objectNode();
        text(o, "name", b.name());
        text(o, "tradingName", b.tradingName());
        object(o, "identifier", b.identifier(), InvoiceJson::identifier);
        object(o, "legalRegistrationId", b.legalRegistrationId(), InvoiceJson::identifier);
        text(o, "vatId", b.vatId());
        object(o, "electronicAddress", b.electronicAddress(), InvoiceJson::identifier);
        object(o, "address", b.address(), InvoiceJson::address);
        object(o, "contact", b.contact(), InvoiceJson::contact);
        return o;
    }

    private static ObjectNode payee(Payee p) {
        ObjectNode o = F.objectNode();
        text(o, "name", p.name());
        object(o, "identifier", p.identifier(), InvoiceJson::identifier);
        object(o, "legalRegistrationId", p.legalRegistrationId(), InvoiceJson::identifier);
        return o;
    }

    private static ObjectNode taxRepresentative(TaxRepresentative t) {
        ObjectNode o = F.objectNode();
        text(o, "name", t.name());
        text(o, "vatId", t.vatId());
        object(o, "address", t.address(), InvoiceJson::address);
        return o;
    }

    private static ObjectNode delivery(Delivery d) {
        ObjectNode o = F.objectNode();
        text(o, "partyName", d.partyName());
        object(o, "locationId", d.locationId(), InvoiceJson::identifier);
        date(o, "actualDeliveryDate", d.actualDeliveryDate());
        object(o, "address", d.address(), InvoiceJson::address);
        return o;
    }

    private static ObjectNode period(Period p) {
        ObjectNode o = F.objectNode();
        date(o, "start", p.start());
        date(o, "end", p.end());
        return o;
    }

    private static ObjectNode address(PostalAddress a) {
        ObjectNode o = F.objectNode();
        text(o, "line1", a.line1());
        text(o, "line2", a.line2());
        text(o, "line3", a.line3());
        text(o, "city", a.city());
        text(o, "postCode", a.postCode());
        text(o, "countrySubdivision", a.countrySubdivision());
        text(o, "countryCode", a.countryCode());
        return o;
    }

    private static ObjectNode contact(Contact c) {
        ObjectNode o = F.objectNode();
        text(o, "name", c.name());
        text(o, "telephone", c.telephone());
        text(o, "email", c.email());
        return o;
    }

    private static ObjectNode identifier(Identifier i) {
        ObjectNode o = F.objectNode();
        text(o, "value", i.value());
        text(o, "schemeId", i.schemeId());
        return o;
    }

    private static ObjectNode paymentInstructions(PaymentInstructions p) {
        ObjectNode o = F.objectNode();
        text(o, "meansCode", p.meansCode());
        text(o, "meansText", p.meansText());
        text(o, "remittanceInformation", p.remittanceInformation());
        list(o, "creditTransfers", p.creditTransfers(), InvoiceJson::creditTransfer);
        object(o, "card", p.card(), InvoiceJson::card);
        object(o, "directDebit", p.directDebit(), InvoiceJson::directDebit);
        return o;
    }

    private static ObjectNode creditTransfer(CreditTransfer c) {
        ObjectNode o = F.objectNode();
        text(o, "accountId", c.accountId());
        text(o, "accountName", c.accountName());
        text(o, "serviceProviderId", c.serviceProviderId());
        return o;
    }

    private static ObjectNode card(PaymentCard c) {
        ObjectNode o = F.objectNode();
        text(o, "primaryAccountNumber", c.primaryAccountNumber());
        text(o, "holderName", c.holderName());
        return o;
    }

    private static ObjectNode directDebit(DirectDebit d) {
        ObjectNode o = F.objectNode();
        text(o, "mandateReference", d.mandateReference());
        text(o, "creditorId", d.creditorId());
        text(o, "debitedAccountId", d.debitedAccountId());
        return o;
    }

    private static ObjectNode allowanceCharge(AllowanceCharge a) {
        ObjectNode o = F.objectNode();
        o.put("charge", a.charge());
        decimal(o, "amount", a.amount());
        decimal(o, "baseAmount", a.baseAmount());
        decimal(o, "percentage", a.percentage());
        text(o, "vatCategoryCode", a.vatCategoryCode());
        decimal(o, "vatRate", a.vatRate());
        text(o, "reason", a.reason());
        text(o, "reasonCode", a.reasonCode());
        return o;
    }

    private static ObjectNode lineAllowanceCharge(LineAllowanceCharge a) {
        ObjectNode o = F.objectNode();
        o.put("charge", a.charge());
        decimal(o, "amount", a.amount());
        decimal(o, "baseAmount", a.baseAmount());
        decimal(o, "percentage", a.percentage());
        text(o, "reason", a.reason());
        text(o, "reasonCode", a.reasonCode());
        return o;
    }

    private static ObjectNode totals(DocumentTotals t) {
        ObjectNode o = F.objectNode();
        decimal(o, "lineNetTotal", t.lineNetTotal());
        decimal(o, "allowanceTotal", t.allowanceTotal());
        decimal(o, "chargeTotal", t.chargeTotal());
        decimal(o, "totalWithoutVat", t.totalWithoutVat());
        decimal(o, "vatTotal", t.vatTotal());
        decimal(o, "vatTotalInAccountingCurrency", t.vatTotalInAccountingCurrency());
        decimal(o, "totalWithVat", t.totalWithVat());
        decimal(o, "paidAmount", t.paidAmount());
        decimal(o, "roundingAmount", t.roundingAmount());
        decimal(o, "amountDue", t.amountDue());
        return o;
    }

    private static ObjectNode vatBreakdown(VatBreakdown v) {
        ObjectNode o = F.objectNode();
        decimal(o, "taxableAmount", v.taxableAmount());
        decimal(o, "taxAmount", v.taxAmount());
        text(o, "categoryCode", v.categoryCode());
        decimal(o, "rate", v.rate());
        text(o, "exemptionReason", v.exemptionReason());
        text(o, "exemptionReasonCode", v.exemptionReasonCode());
        return o;
    }

    private static ObjectNode supportingDocument(SupportingDocument s) {
        ObjectNode o = F.objectNode();
        text(o, "reference", s.reference());
        text(o, "description", s.description());
        text(o, "externalLocation", s.externalLocation());
        object(o, "attachment", s.attachment(), InvoiceJson::binary);
        return o;
    }

    private static ObjectNode binary(BinaryObject b) {
        ObjectNode o = F.objectNode();
        text(o, "mimeCode", b.mimeCode());
        text(o, "filename", b.filename());
        o.put("size", b.size());
        o.put("contentBase64", Base64.getEncoder().encodeToString(b.content()));
        return o;
    }

    private static ObjectNode line(InvoiceLine l) {
        ObjectNode o = F.objectNode();
        text(o, "id", l.id());
        text(o, "note", l.note());
        object(o, "objectIdentifier", l.objectIdentifier(), InvoiceJson::identifier);
        decimal(o, "quantity", l.quantity());
        text(o, "unitCode", l.unitCode());
        decimal(o, "netAmount", l.netAmount());
        text(o, "orderLineReference", l.orderLineReference());
        text(o, "buyerAccountingReference", l.buyerAccountingReference());
        object(o, "period", l.period(), InvoiceJson::period);
        list(o, "allowances", l.allowances(), InvoiceJson::lineAllowanceCharge);
        list(o, "charges", l.charges(), InvoiceJson::lineAllowanceCharge);
        object(o, "price", l.price(), InvoiceJson::price);
        text(o, "vatCategoryCode", l.vatCategoryCode());
        decimal(o, "vatRate", l.vatRate());
        object(o, "item", l.item(), InvoiceJson::item);
        list(o, "subLines", l.subLines(), InvoiceJson::line);
        return o;
    }

    private static ObjectNode price(Price p) {
        ObjectNode o = F.objectNode();
        decimal(o, "netPrice", p.netPrice());
        decimal(o, "discount", p.discount());
        decimal(o, "grossPrice", p.grossPrice());
        decimal(o, "baseQuantity", p.baseQuantity());
        text(o, "baseQuantityUnit", p.baseQuantityUnit());
        return o;
    }

    private static ObjectNode item(Item i) {
        ObjectNode o = F.objectNode();
        text(o, "name", i.name());
        text(o, "description", i.description());
        text(o, "sellerId", i.sellerId());
        text(o, "buyerId", i.buyerId());
        object(o, "standardId", i.standardId(), InvoiceJson::identifier);
        list(o, "classifications", i.classifications(), InvoiceJson::classification);
        text(o, "originCountry", i.originCountry());
        list(o, "attributes", i.attributes(), InvoiceJson::attribute);
        return o;
    }

    private static ObjectNode classification(Classification c) {
        ObjectNode o = F.objectNode();
        text(o, "code", c.code());
        text(o, "listId", c.listId());
        text(o, "listVersionId", c.listVersionId());
        return o;
    }

    private static ObjectNode attribute(ItemAttribute a) {
        ObjectNode o = F.objectNode();
        text(o, "name", a.name());
        text(o, "value", a.value());
        return o;
    }

    private static ObjectNode thirdPartyPayment(ThirdPartyPayment t) {
        ObjectNode o = F.objectNode();
        text(o, "type", t.type());
        decimal(o, "amount", t.amount());
        text(o, "description", t.description());
        return o;
    }

    private static void text(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void date(ObjectNode o, String name, LocalDate value) {
        if (value != null) {
            o.put(name, value.toString());
        }
    }

    private static void decimal(ObjectNode o, String name, BigDecimal value) {
        if (value != null) {
            o.put(name, value.toPlainString());
        }
    }

    private static <T> void object(ObjectNode o, String name, T value, Function<T, ObjectNode> mapping) {
        if (value != null) {
            o.set(name, mapping.apply(value));
        }
    }

    private static <T> void list(ObjectNode o, String name, List<T> values, Function<T, ? extends JsonNode> mapping) {
        if (!values.isEmpty()) {
            ArrayNode array = o.putArray(name);
            values.forEach(v -> array.add(mapping.apply(v)));
        }
    }
}
