package de.ozgkit.cli;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.ValidationReport;
import de.ozgkit.einvoice.XRechnungVariant;
import de.ozgkit.einvoice.model.BinaryObject;
import de.ozgkit.einvoice.model.Invoice;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The JSON forms of {@code ozgkit einvoice show --json} and {@code ozgkit einvoice validate --json},
 * mapped with Jackson databind.
 *
 * <p>The invoice is written from the model's records as they are: the names are the model's component
 * names (documented with their EN 16931 business terms in {@code docs/cli.md}; {@code InvoiceJsonTest}
 * holds every name against that table, so a renamed component cannot change the JSON unnoticed), plus
 * {@code creditNote} and {@code variant} on the invoice and {@code size} and {@code contentBase64} on an
 * attachment. Conventions: absent terms ({@code null} in the model) and empty lists are left out;
 * amounts, quantities, prices and rates are strings holding the exact decimal (e.g. {@code "1136.45"}),
 * so that no digit is lost to floating point; dates are {@code YYYY-MM-DD}; identifiers are objects
 * {@code {"value", "schemeId"}}; attachments carry their content in base64. Stateless and thread-safe.
 */
final class InvoiceJson {

    /** Decimals as strings in plain notation ({@code "100.00"}, never {@code "1E+2"}). */
    private static final class PlainDecimal extends StdSerializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }

    /** A present {@code Optional} as its value (the invoice's {@code variant}). */
    @SuppressWarnings("rawtypes")
    private static final class OptionalValue extends StdSerializer<Optional> {
        private static final long serialVersionUID = 1L;

        OptionalValue() {
            super(Optional.class);
        }

        @Override
        public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(value.orElse(null), gen);
        }
    }

    /** Leaves an empty {@code Optional} out (Jackson calls {@code equals} with the value to exclude). */
    private static final class EmptyOptional {
        @Override
        public boolean equals(Object value) {
            return value == null || value instanceof Optional<?> o && o.isEmpty();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** The invoice's order of fields, with the derived {@code creditNote} and {@code variant}. */
    @JsonPropertyOrder({"number", "issueDate", "typeCode", "creditNote", "currencyCode", "vatAccountingCurrencyCode",
        "vatPointDate", "vatPointDateCode", "paymentDueDate", "buyerReference", "projectReference", "contractReference",
        "purchaseOrderReference", "salesOrderReference", "receivingAdviceReference", "despatchAdviceReference",
        "tenderOrLotReference", "invoicedObjectIdentifier", "buyerAccountingReference", "paymentTerms", "notes",
        "businessProcessType", "specificationIdentifier", "variant"})
    private abstract static class InvoiceMixin {
        @JsonProperty("variant")
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = EmptyOptional.class)
        abstract Optional<XRechnungVariant> variant();
    }

    /** An attachment: MIME code, file name, size and content. */
    @JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            fieldVisibility = JsonAutoDetect.Visibility.NONE)
    @JsonPropertyOrder({"mimeCode", "filename", "size", "contentBase64"})
    private abstract static class BinaryObjectMixin {
        @JsonProperty("mimeCode")
        abstract String mimeCode();

        @JsonProperty("filename")
        abstract String filename();

        @JsonProperty("size")
        abstract int size();

        @JsonProperty("contentBase64")
        abstract byte[] content();
    }

    /** One file's validation result for {@code validate --json}. */
    record Report(String file, boolean valid, int errors, String syntax, String variant, String profile,
                  @JsonInclude(JsonInclude.Include.ALWAYS) List<String> ruleSets,
                  @JsonInclude(JsonInclude.Include.ALWAYS) List<FindingJson> findings) {
    }

    /** One finding for {@code validate --json}. */
    record FindingJson(String ruleId, String severity, String location, String message, String layer) {
    }

    /** Writes the model; shared, as Jackson's mappers are thread-safe once configured. */
    static final ObjectMapper MAPPER = mapper();

    private InvoiceJson() {
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        SimpleModule model = new SimpleModule("ozgkit-einvoice-json");
        model.addSerializer(BigDecimal.class, new PlainDecimal());
        model.addSerializer(LocalDate.class, ToStringSerializer.instance);
        model.addSerializer(Optional.class, new OptionalValue());
        m.registerModule(model);
        m.addMixIn(Invoice.class, InvoiceMixin.class);
        m.addMixIn(BinaryObject.class, BinaryObjectMixin.class);
        m.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        m.configOverride(List.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                JsonInclude.Include.NON_EMPTY));
        return m;
    }

    /**
     * @param invoice the invoice
     * @return its JSON form
     */
    static ObjectNode invoice(Invoice invoice) {
        return MAPPER.valueToTree(invoice);
    }

    /**
     * @param file   the file name as given on the command line
     * @param report the validation report
     * @return the JSON form of one file's validation result
     */
    static ObjectNode report(String file, ValidationReport report) {
        List<FindingJson> findings = report.findings().stream().map(InvoiceJson::finding).toList();
        return MAPPER.valueToTree(new Report(file, report.valid(), report.errorCount(),
                report.syntax().map(Enum::name).orElse(null), report.variant().map(Enum::name).orElse(null),
                report.profile().map(Enum::name).orElse(null),
                report.ruleSets().stream().map(Enum::name).toList(), findings));
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.ruleId(), f.severity().name(), f.location(), f.message(), f.layer().name());
    }
}
