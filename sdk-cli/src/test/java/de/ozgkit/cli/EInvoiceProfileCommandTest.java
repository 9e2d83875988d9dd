package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.cli.OzgkitCommandTest.Run;
import de.ozgkit.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ozgkit einvoice validate --require} and {@code convert}'s refusal to write an invoice that does
 * not validate, on files of the shared XRechnung test suite edited in the test.
 */
class EInvoiceProfileCommandTest {

    private static final String XRECHNUNG = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";

    @TempDir
    Path dir;

    private Path suiteFile(String name, String from, String to) throws IOException {
        String xml = Files.readString(SharedData.require("conformance/xrechnung-testsuite/standard").resolve(name));
        String edited = xml.replace(from, to);
        assertThat(edited).isNotEqualTo(xml);
        return Files.writeString(dir.resolve("edited-" + name), edited);
    }

    private Path en16931Invoice() throws IOException {
        return suiteFile("01.01a-INVOICE_uncefact.xml", XRECHNUNG + "<", "urn:cen.eu:en16931:2017<");
    }

    @Test
    void require_xrechnung_refusesAPlainEn16931Invoice_thatIsValidOtherwise() throws IOException {
        Path en16931 = en16931Invoice();

        Run plain = Run.of("einvoice", "validate", en16931.toString());
        Run portal = Run.of("einvoice", "validate", "--require", "xrechnung", en16931.toString());

        assertThat(plain.code()).as(plain.out()).isZero();
        assertThat(plain.out()).startsWith(en16931 + ": valid\n");
        assertThat(portal.code()).isEqualTo(1);
        assertThat(portal.out()).startsWith(en16931 + ": invalid (1 errors)\n")
                .contains("  ERROR OZGKIT-PROFILE-NOT-ACCEPTED /: the invoice's profile is EN16931 (specification identifier");
    }

    @Test
    void require_severalProfiles_commaSeparatedOrRepeated() throws IOException {
        Path en16931 = en16931Invoice();

        assertThat(Run.of("einvoice", "validate", "--require", "xrechnung,en16931", en16931.toString()).code()).isZero();
        assertThat(Run.of("einvoice", "validate", "--require", "extended", "--require", "en16931",
                en16931.toString()).code()).isZero();
    }

    @Test
    void require_unknownProfile_isAUsageError() throws IOException {
        Run run = Run.of("einvoice", "validate", "--require", "zugferd-3", en16931Invoice().toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("ozgkit einvoice validate: --require must be xrechnung, en16931, extended,"
                + " basic, basic-wl or minimum, was 'zugferd-3'");
    }

    @Test
    void json_namesTheProfileAndTheRuleSetsThatRan() throws IOException {
        Run run = Run.of("einvoice", "validate", "--json", en16931Invoice().toString());

        JsonNode o = new ObjectMapper().readTree(run.out());
        assertThat(o.get("profile").asText()).isEqualTo("EN16931");
        assertThat(o.get("ruleSets").toString()).isEqualTo("[\"CII_SCHEMA\",\"EN16931\"]");
    }

    @Test
    void convert_invalidInput_exits1_listsTheErrors_andWritesNothing() throws IOException {
        Path in = suiteFile("01.01a-INVOICE_ubl.xml", ">314.86</cbc:LineExtensionAmount>", ">999.99</cbc:LineExtensionAmount>");
        Path out = dir.resolve("out.xml");

        Run run = Run.of("einvoice", "convert", "--to", "cii", in.toString(), out.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("  ERROR BR-CO-10 ")
                .contains("ozgkit einvoice convert: " + in + ": cannot be converted to CII: the invoice converted to CII"
                        + " does not validate");
        assertThat(out).doesNotExist();
    }

    @Test
    void convert_twoPrecedingInvoicesToCii_exits1NamingBg3() throws IOException {
        Path in = suiteFile("01.01a-INVOICE_ubl.xml", "<cac:AccountingSupplierParty>",
                "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>R-1</cbc:ID></cac:InvoiceDocumentReference>"
                        + "</cac:BillingReference><cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>R-2</cbc:ID>"
                        + "</cac:InvoiceDocumentReference></cac:BillingReference><cac:AccountingSupplierParty>");
        Path out = dir.resolve("out.xml");

        Run toCii = Run.of("einvoice", "convert", "--to", "cii", in.toString(), out.toString());
        Run toUbl = Run.of("einvoice", "convert", "--to", "ubl", in.toString(), out.toString());

        assertThat(toCii.code()).isEqualTo(1);
        assertThat(toCii.err()).contains("(BG-3)");
        assertThat(toUbl.code()).as(toUbl.err()).isZero();
        assertThat(Files.readString(out)).contains("R-1", "R-2");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }
}
