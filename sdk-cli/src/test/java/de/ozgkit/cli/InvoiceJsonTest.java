package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON of {@code ozgkit einvoice show --json} uses exactly the field names documented in
 * {@code docs/cli.md}: every field of every test-suite invoice is in the documented schema, and the
 * suite together uses most of it.
 */
class InvoiceJsonTest {

    /**
     * The documented schema: per object type its fields; {@code name:Type} is an object of that type,
     * {@code name[]:Type} a list of them. Mirrors the table in docs/cli.md.
     */
    static final Map<String, List<String>> SCHEMA = new LinkedHashMap<>();

    static {
        SCHEMA.put("Invoice", List.of("number", "issueDate", "typeCode", "creditNote", "currencyCode",
                "vatAccountingCurrencyCode", "vatPointDate", "vatPointDateCode", "paymentDueDate", "buyerReference",
                "projectReference", "contractReference", "purchaseOrderReference", "salesOrderReference",
                "receivingAdviceReference", "despatchAdviceReference", "tenderOrLotReference",
                "invoicedObjectIdentifier:Identifier", "buyerAccountingReference", "paymentTerms", "notes[]:Note",
                "businessProcessType", "specificationIdentifier", "variant", "precedingInvoices[]:PrecedingInvoice",
                "seller:Seller", "buyer:Buyer", "payee:Payee", "taxRepresentative:TaxRepresentative",
                "delivery:Delivery", "invoicingPeriod:Period", "paymentInstructions:PaymentInstructions",
                "allowances[]:AllowanceCharge", "charges[]:AllowanceCharge", "totals:Totals",
                "vatBreakdown[]:VatBreakdown", "supportingDocuments[]:SupportingDocument", "lines[]:Line",
                "thirdPartyPayments[]:ThirdPartyPayment"));
        SCHEMA.put("Note", List.of("subjectCode", "text"));
        SCHEMA.put("PrecedingInvoice", List.of("number", "issueDate"));
        SCHEMA.put("Seller", List.of("name", "tradingName", "identifiers[]:Identifier", "legalRegistrationId:Identifier",
                "vatId", "taxRegistrationId", "additionalLegalInformation", "electronicAddress:Identifier",
                "address:Address", "contact:Contact"));
        SCHEMA.put("Buyer", List.of("name", "tradingName", "identifier:Identifier", "legalRegistrationId:Identifier",
                "vatId", "electronicAddress:Identifier", "address:Address", "contact:Contact"));
        SCHEMA.put("Payee", List.of("name", "identifier:Identifier", "legalRegistrationId:Identifier"));
        SCHEMA.put("TaxRepresentative", List.of("name", "vatId", "address:Address"));
        SCHEMA.put("Delivery", List.of("partyName", "locationId:Identifier", "actualDeliveryDate", "address:Address"));
        SCHEMA.put("Period", List.of("start", "end"));
        SCHEMA.put("Address", List.of("line1", "line2", "line3", "city", "postCode", "countrySubdivision", "countryCode"));
        SCHEMA.put("Contact", List.of("name", "telephone", "email"));
        SCHEMA.put("Identifier", List.of("value", "schemeId"));
        SCHEMA.put("PaymentInstructions", List.of("meansCode", "meansText", "remittanceInformation",
                "creditTransfers[]:CreditTransfer", "card:Card", "directDebit:DirectDebit"));
        SCHEMA.put("CreditTransfer", List.of("accountId", "accountName", "serviceProviderId"));
        SCHEMA.put("Card", List.of("primaryAccountNumber", "holderName"));
        SCHEMA.put("DirectDebit", List.of("mandateReference", "creditorId", "debitedAccountId"));
        SCHEMA.put("AllowanceCharge", List.of("charge", "amount", "baseAmount", "percentage", "vatCategoryCode",
                "vatRate", "reason", "reasonCode"));
        SCHEMA.put("Totals", List.of("lineNetTotal", "allowanceTotal", "chargeTotal", "totalWithoutVat", "vatTotal",
                "vatTotalInAccountingCurrency", "totalWithVat", "paidAmount", "roundingAmount", "amountDue"));
        SCHEMA.put("VatBreakdown", List.of("taxableAmount", "taxAmount", "categoryCode", "rate", "exemptionReason",
                "exemptionReasonCode"));
        SCHEMA.put("SupportingDocument", List.of("reference", "description", "externalLocation", "attachment:Attachment"));
        SCHEMA.put("Attachment", List.of("mimeCode", "filename", "size", "contentBase64"));
        SCHEMA.put("Line", List.of("id", "note", "objectIdentifier:Identifier", "quantity", "unitCode", "netAmount",
                "orderLineReference", "buyerAccountingReference", "period:Period", "allowances[]:LineAllowanceCharge",
                "charges[]:LineAllowanceCharge", "price:Price", "vatCategoryCode", "vatRate", "item:Item",
                "subLines[]:Line"));
        SCHEMA.put("LineAllowanceCharge", List.of("charge", "amount", "baseAmount", "percentage", "reason", "reasonCode"));
        SCHEMA.put("Price", List.of("netPrice", "discount", "grossPrice", "baseQuantity", "baseQuantityUnit"));
        SCHEMA.put("Item", List.of("name", "description", "sellerId", "buyerId", "standardId:Identifier",
                "classifications[]:Classification", "originCountry", "attributes[]:ItemAttribute"));
        SCHEMA.put("Classification", List.of("code", "listId", "listVersionId"));
        SCHEMA.put("ItemAttribute", List.of("name", "value"));
        SCHEMA.put("ThirdPartyPayment", List.of("type", "amount", "description"));
    }

    /** Checks one object against its type and collects the {@code Type.field} names it uses. */
    private static void check(String type, JsonNode node, String path, Set<String> used) {
        assertThat(node.isObject()).as(path).isTrue();
        List<String> fields = SCHEMA.get(type);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String spec = fields.stream().filter(f -> f.equals(name) || f.startsWith(name + ":") || f.startsWith(name + "[]:"))
                    .findFirst().orElse(null);
            assertThat(spec).as("field %s.%s (at %s) is not in the documented schema", type, name, path).isNotNull();
            used.add(type + "." + name);
            JsonNode value = e.getValue();
            if (spec.contains("[]:")) {
                assertThat(value.isArray() && !value.isEmpty()).as(path + "." + name + " is a non-empty list").isTrue();
                String itemType = spec.substring(spec.indexOf(':') + 1);
                for (int i = 0; i < value.size(); i++) {
                    check(itemType, value.get(i), path + "." + name + "[" + i + "]", used);
                }
            } else if (spec.contains(":")) {
                check(spec.substring(spec.indexOf(':') + 1), value, path + "." + name, used);
            } else {
                assertThat(value.isValueNode()).as(path + "." + name + " is a plain value").isTrue();
                assertThat(value.isNull()).as(path + "." + name + " absent values are left out").isFalse();
            }
        }
    }

    @Test
    void everySuiteInvoice_usesOnlyTheDocumentedFieldNames() throws IOException {
        Path suite = SharedData.require("conformance/xrechnung-testsuite/standard");
        List<Path> files;
        try (Stream<Path> s = Files.list(suite)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(60);

        Set<String> used = new TreeSet<>();
        for (Path file : files) {
            Invoice invoice = EInvoices.read(file);
            JsonNode json = InvoiceJson.invoice(invoice);
            check("Invoice", json, file.getFileName().toString(), used);
            assertThat(json.get("number").asText()).isEqualTo(invoice.number());
            assertThat(json.at("/totals/amountDue").asText()).isEqualTo(invoice.totals().amountDue().toPlainString());
            assertThat(json.get("lines")).hasSize(invoice.lines().size());
        }
        check("Invoice", InvoiceJson.invoice(SampleInvoice.create()), "sample", used);

        long documented = SCHEMA.values().stream().mapToLong(List::size).sum();
        // the suite exercises most of the schema; what it lacks (card, third party payments, sub lines ...)
        // is covered by the field-by-field mapping being written out in InvoiceJson
        assertThat(used.size()).as("fields used: " + used).isGreaterThan((int) (documented * 0.6));
    }

    /** A value for every component, recursively: every text, number, date, group and list present. */
    private static Object full(Class<?> type, java.lang.reflect.Type generic, int depth) throws Exception {
        if (type == String.class) {
            return "x";
        }
        if (type == java.math.BigDecimal.class) {
            return java.math.BigDecimal.ONE;
        }
        if (type == java.time.LocalDate.class) {
            return java.time.LocalDate.of(2024, 5, 2);
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == de.ozgkit.einvoice.model.BinaryObject.class) {
            return new de.ozgkit.einvoice.model.BinaryObject(new byte[] {1, 2, 3}, "application/pdf", "a.pdf");
        }
        if (type == List.class) {
            Class<?> element = (Class<?>) ((java.lang.reflect.ParameterizedType) generic).getActualTypeArguments()[0];
            // one sub invoice line, without sub lines of its own
            return element == de.ozgkit.einvoice.model.InvoiceLine.class && depth > 3 ? List.of()
                    : List.of(full(element, element, depth + 1));
        }
        java.lang.reflect.RecordComponent[] rcs = type.getRecordComponents();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
            args[i] = full(rcs[i].getType(), rcs[i].getGenericType(), depth + 1);
        }
        return type.getDeclaredConstructor(types).newInstance(args);
    }

    @Test
    void anInvoiceWithEveryTermSet_usesEveryDocumentedFieldName() throws Exception {
        Invoice invoice = ((Invoice) full(Invoice.class, Invoice.class, 0)).toRawBuilder()
                .specificationIdentifier(de.ozgkit.einvoice.XRechnungVariant.EXTENSION.specificationIdentifier()).build();
        Set<String> used = new TreeSet<>();
        JsonNode json = InvoiceJson.invoice(invoice);
        check("Invoice", json, "full", used);
        Set<String> documented = new TreeSet<>();
        SCHEMA.forEach((type, fields) -> fields.forEach(f -> documented.add(type + "." + f.replaceAll("(\\[\\])?:.*", ""))));
        assertThat(used).isEqualTo(documented);
        assertThat(json.get("creditNote").asBoolean()).isFalse();
        assertThat(json.get("variant").asText()).isEqualTo("EXTENSION");
        assertThat(json.at("/totals/amountDue").asText()).isEqualTo("1.00");
        assertThat(json.at("/supportingDocuments/0/attachment/contentBase64").asText()).isEqualTo("AQID");
        assertThat(json.at("/supportingDocuments/0/attachment/size").asInt()).isEqualTo(3);
        assertThat(json.get("issueDate").asText()).isEqualTo("2024-05-02");
    }

    @Test
    void absentTermsAndEmptyLists_areLeftOut_andDecimalsArePlainStrings() {
        Invoice invoice = Invoice.rawBuilder().number("R-1").totals(new de.ozgkit.einvoice.model.DocumentTotals(
                new java.math.BigDecimal("1E+2"), null, null, null, null, null, null, null, null, null)).build();
        JsonNode json = InvoiceJson.invoice(invoice);
        assertThat(json.toString()).isEqualTo("{\"number\":\"R-1\",\"creditNote\":false,"
                + "\"totals\":{\"lineNetTotal\":\"100.00\"}}");
    }
}
