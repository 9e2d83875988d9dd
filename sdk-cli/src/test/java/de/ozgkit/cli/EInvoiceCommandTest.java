package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.cli.OzgkitCommandTest.Run;
import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.ValidationReport;
import de.ozgkit.einvoice.XRechnungVariant;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.Item;
import de.ozgkit.einvoice.model.VatCategory;
import de.ozgkit.einvoice.pdf.ZugferdPdf;
import de.ozgkit.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ozgkit einvoice validate|convert|show|pdf|extract}: run in-process with captured output,
 * on the official XRechnung test suite (read through {@link SharedData}), invoices built with
 * the model and PDFs made with PDFBox; exact output forms and exit codes, and the error cases.
 */
class EInvoiceCommandTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * A file of the shared test suite, copied into the temporary directory (the command tests write beside
     * it); skips outside CI and fails under CI when the suite is absent ({@link SharedData}).
     */
    private Path suiteFile(String name) throws IOException {
        Path file = SharedData.require("conformance/xrechnung-testsuite/standard/" + name);
        return Files.copy(file, dir.resolve(name));
    }

    private Path ublFile() throws IOException {
        return suiteFile("01.01a-INVOICE_ubl.xml");
    }

    private Path ciiFile() throws IOException {
        return suiteFile("01.01a-INVOICE_uncefact.xml");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** The CII suite invoice without its buyer reference (BT-10), which XRechnung requires (BR-DE-15). */
    private Path ciiWithoutBuyerReference() throws IOException {
        String xml = Files.readString(ciiFile());
        String edited = xml.replace("<ram:BuyerReference>04011000-12345-03</ram:BuyerReference>", "");
        assertThat(edited).isNotEqualTo(xml);
        return write("no-buyer-reference.xml", edited);
    }

    /** A one-page PDF drawn with PDFBox (vector graphics only, so no fonts to embed). */
    private static byte[] visualPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.addRect(50, 700, 300, 80);
                content.stroke();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> s = Files.list(directory)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- validate ----

    @Test
    void validate_validInvoices_printValidPerFileAndExit0() throws IOException {
        Path ubl = ublFile();
        Path cii = ciiFile();

        Run run = Run.of("einvoice", "validate", ubl.toString(), cii.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).first().isEqualTo(ubl + ": valid");
        assertThat(lines).contains(cii + ": valid");
        // everything else are warnings or notes of valid files, each '  SEVERITY ruleId location: message'
        assertThat(lines).filteredOn(l -> !l.endsWith(": valid"))
                .allMatch(l -> l.matches("  (WARNING|INFO) \\S+ /\\S*: .+"));
    }

    @Test
    void validate_invalidInvoice_printsTheErrorsAndExits1() throws IOException {
        Path broken = ciiWithoutBuyerReference();

        Run run = Run.of("einvoice", "validate", broken.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(broken + ": invalid (1 errors)");
        assertThat(lines).filteredOn(l -> l.startsWith("  ERROR ")).singleElement().asString()
                .startsWith("  ERROR BR-DE-15 /rsm:CrossIndustryInvoice[1]")
                .contains(": ");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches("  (ERROR|WARNING|INFO) \\S+ /\\S*: .+"));
    }

    @Test
    void validate_validAndInvalid_printsBothAndExits1() throws IOException {
        Path valid = ublFile();
        Path broken = ciiWithoutBuyerReference();

        Run run = Run.of("einvoice", "validate", broken.toString(), valid.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).startsWith(broken + ": invalid (1 errors)\n").contains("\n" + valid + ": valid");
    }

    @Test
    void validate_json_printsOneObjectPerFileAndLine() throws IOException {
        Path valid = ublFile();
        Path broken = ciiWithoutBuyerReference();

        Run run = Run.of("einvoice", "validate", "--json", valid.toString(), broken.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("file").asText()).isEqualTo(valid.toString());
        assertThat(first.get("valid").asBoolean()).isTrue();
        assertThat(first.get("errors").asInt()).isZero();
        assertThat(first.get("syntax").asText()).isEqualTo("UBL");
        assertThat(first.get("variant").asText()).isEqualTo("STANDARD");
        assertThat(first.get("findings").isArray()).isTrue();

        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("file").asText()).isEqualTo(broken.toString());
        assertThat(second.get("valid").asBoolean()).isFalse();
        assertThat(second.get("errors").asInt()).isEqualTo(1);
        JsonNode error = null;
        for (JsonNode f : second.get("findings")) {
            assertThat(f.fieldNames()).toIterable().containsExactly("ruleId", "severity", "location", "message", "layer");
            if (f.get("severity").asText().equals("ERROR")) {
                error = f;
            }
        }
        assertThat(error).isNotNull();
        assertThat(error.get("ruleId").asText()).isEqualTo("BR-DE-15");
        assertThat(error.get("layer").asText()).isEqualTo("XRECHNUNG");
        assertThat(error.get("location").asText()).startsWith("/rsm:CrossIndustryInvoice[1]");
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void validate_missingFile_exits2WithOneLineOnStderrAndGoesOnWithTheOthers() throws IOException {
        Path valid = ublFile();
        Path missing = dir.resolve("missing.xml");

        Run run = Run.of("einvoice", "validate", missing.toString(), valid.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ozgkit einvoice validate: " + missing + ": no such file\n");
        assertThat(run.out()).startsWith(valid + ": valid\n");
    }

    @Test
    void validate_notXml_exits2WithTheParserReason() throws IOException {
        Path text = write("invoice.txt", "this is not XML\n");
        Path truncated = write("truncated.xml", "<?xml version=\"1.0\"?>"
                + "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"><a>");

        Run run = Run.of("einvoice", "validate", text.toString(), truncated.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        List<String> err = run.err().lines().toList();
        assertThat(err).hasSize(2);
        assertThat(err.get(0)).startsWith("ozgkit einvoice validate: " + text + ": not XML: ");
        assertThat(err.get(1)).startsWith("ozgkit einvoice validate: " + truncated + ": not XML: ");
    }

    @Test
    void validate_directory_exits2() {
        Run run = Run.of("einvoice", "validate", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ozgkit einvoice validate: " + dir + ": is a directory; give a file\n");
    }

    @Test
    void validate_xmlThatIsNoInvoice_isInvalidWithTheFatalFinding() throws IOException {
        Path other = write("order.xml", "<?xml version=\"1.0\"?><Order xmlns=\"urn:example\"><ID>1</ID></Order>");

        Run run = Run.of("einvoice", "validate", other.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith(other + ": invalid (1 errors)\n  FATAL OZGKIT-XML-ROOT /: ");
        assertThat(run.out().lines()).hasSize(2);
    }

    @Test
    void validate_externalEntity_isRefusedWithoutReadingTheEntity() throws IOException {
        Path secret = write("secret.txt", "SECRET-CONTENT");
        Path xxe = write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\">"
                + "&e;</rsm:CrossIndustryInvoice>");

        Run run = Run.of("einvoice", "validate", xxe.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).startsWith(xxe + ": invalid (1 errors)\n  FATAL OZGKIT-XML-DOCTYPE /: ")
                .doesNotContain("SECRET-CONTENT");
    }

    @Test
    void validate_withoutFiles_isAUsageError() {
        Run run = Run.of("einvoice", "validate");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ozgkit einvoice validate: Missing required parameter: 'FILE' "
                + "(see 'ozgkit einvoice validate --help')\n");
    }

    // ---- convert ----

    @Test
    void convert_ublToCii_andBack_writesValidDocumentsAndExits0() throws IOException {
        Path ubl = ublFile();
        Path cii = dir.resolve("out-cii.xml");
        Path back = dir.resolve("back-ubl.xml");

        Run toCii = Run.of("einvoice", "convert", "--to", "cii", ubl.toString(), cii.toString());
        assertThat(toCii.err()).isEmpty();
        assertThat(toCii.code()).isZero();
        assertThat(toCii.out()).isEqualTo(ubl + " (UBL) -> " + cii + " (CII)\n");
        assertThat(Files.readAllBytes(cii)).isEqualTo(EInvoices.convert(Files.readAllBytes(ubl), InvoiceSyntax.CII));
        ValidationReport ciiReport = VALIDATOR.validate(cii);
        assertThat(ciiReport.errors()).isEmpty();
        assertThat(ciiReport.syntax()).contains(InvoiceSyntax.CII);

        Run toUbl = Run.of("einvoice", "convert", "--to", "UBL", cii.toString(), back.toString());
        assertThat(toUbl.code()).isZero();
        assertThat(toUbl.out()).isEqualTo(cii + " (CII) -> " + back + " (UBL)\n");
        ValidationReport ublReport = VALIDATOR.validate(back);
        assertThat(ublReport.errors()).isEmpty();
        assertThat(ublReport.syntax()).contains(InvoiceSyntax.UBL);
        assertThat(EInvoices.read(back)).isEqualTo(EInvoices.read(ubl));
    }

    @Test
    void convert_ciiToUbl_suiteFileValidates() throws IOException {
        Path cii = ciiFile();
        Path ubl = dir.resolve("out.xml");

        Run run = Run.of("einvoice", "convert", "--to", "ubl", cii.toString(), ubl.toString());

        assertThat(run.code()).isZero();
        assertThat(VALIDATOR.validate(ubl).valid()).isTrue();
        assertThat(EInvoices.read(ubl)).isEqualTo(EInvoices.read(cii));
    }

    @Test
    void convert_unknownTarget_isAUsageError() throws IOException {
        Path in = write("in.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.UBL));
        Run run = Run.of("einvoice", "convert", "--to", "pdf", in.toString(), dir.resolve("out.xml").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ozgkit einvoice convert: --to must be ubl or cii, was 'pdf' "
                + "(see 'ozgkit einvoice convert --help')\n");
        assertThat(Files.exists(dir.resolve("out.xml"))).isFalse();
    }

    @Test
    void convert_missingInput_exits2AndWritesNothing() throws IOException {
        Path missing = dir.resolve("missing.xml");
        Run run = Run.of("einvoice", "convert", "--to", "cii", missing.toString(), dir.resolve("out.xml").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ozgkit einvoice convert: " + missing + ": no such file\n");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void convert_notXml_exits2AndLeavesAnExistingOutputAlone() throws IOException {
        Path in = write("in.xml", "an invoice, but not as XML");
        Path out = write("out.xml", "previous content");

        Run run = Run.of("einvoice", "convert", "--to", "cii", in.toString(), out.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("ozgkit einvoice convert: " + in + ": not XML: ");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(Files.readString(out)).isEqualTo("previous content");
        assertThat(filesIn(dir)).containsExactly("in.xml", "out.xml");
    }

    @Test
    void convert_xmlThatIsNoInvoice_exits1() throws IOException {
        Path in = write("in.xml", "<?xml version=\"1.0\"?><Order xmlns=\"urn:example\"/>");
        Run run = Run.of("einvoice", "convert", "--to", "cii", in.toString(), dir.resolve("out.xml").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("ozgkit einvoice convert: " + in + ": ");
        assertThat(filesIn(dir)).containsExactly("in.xml");
    }

    @Test
    void convert_contentCiiCannotCarry_exits1AndWritesNothing() throws IOException {
        InvoiceLine parent = InvoiceLine.builder().id("1").item(Item.named("Paket"))
                .quantity(BigDecimal.ONE, "C62").netPrice(new BigDecimal("10.00"))
                .vat(VatCategory.STANDARD_RATE, new BigDecimal("19"))
                .addSubLine(InvoiceLine.builder().id("1.1").item(Item.named("Teil"))
                        .quantity(new BigDecimal("2"), "C62").netPrice(new BigDecimal("5.00"))
                        .vat(VatCategory.STANDARD_RATE, new BigDecimal("19")).build())
                .build();
        Invoice extension = SampleInvoice.withoutLines().variant(XRechnungVariant.EXTENSION).addLine(parent).build();
        Path in = write("extension-ubl.xml", EInvoices.write(extension, InvoiceSyntax.UBL));

        Run run = Run.of("einvoice", "convert", "--to", "cii", in.toString(), dir.resolve("out.xml").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("ozgkit einvoice convert: " + in + ": cannot be converted to CII: ");
        assertThat(filesIn(dir)).containsExactly("extension-ubl.xml");
    }

    @Test
    void convert_outputDirectoryMissing_exits2() throws IOException {
        Path in = write("in.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.UBL));
        Path out = dir.resolve("no-such-dir").resolve("out.xml");
        Run run = Run.of("einvoice", "convert", "--to", "cii", in.toString(), out.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("ozgkit einvoice convert: " + out + ": cannot be written: ");
    }

    @Test
    void convert_ontoAnEmptyOrFullDirectory_exits2AndKeepsTheDirectory() throws IOException {
        Path in = write("in.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.UBL));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "keep");
        for (Path target : List.of(empty, full)) {
            Run run = Run.of("einvoice", "convert", "--to", "cii", in.toString(), target.toString());
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("ozgkit einvoice convert: " + target + ": is a directory; give a file name\n");
            assertThat(target).isDirectory();
        }
        assertThat(filesIn(empty)).isEmpty();
        assertThat(filesIn(full)).containsExactly("keep.txt");
        assertThat(filesIn(dir)).containsExactly("empty", "full", "in.xml");
    }

    @Test
    void outputs_getThePermissionsOfANewFile_andKeepThoseOfAReplacedOne() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file systems only");
        Path in = write("in.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.UBL));
        Path normal = Files.writeString(dir.resolve("normal.txt"), "a file created the ordinary way");
        Path out = dir.resolve("out.xml");
        assertThat(Run.of("einvoice", "convert", "--to", "cii", in.toString(), out.toString()).code()).isZero();
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(normal))
                .contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        var custom = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(out, custom);
        assertThat(Run.of("einvoice", "convert", "--to", "ubl", in.toString(), out.toString()).code()).isZero();
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(custom);
        assertThat(EInvoices.detectSyntax(Files.readAllBytes(out))).isEqualTo(InvoiceSyntax.UBL);
    }

    // ---- show ----

    @Test
    void show_json_printsTheModelWithStableFieldNames() throws IOException {
        Path in = write("sample.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII));

        Run run = Run.of("einvoice", "show", in.toString(), "--json");

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(SAMPLE_JSON);
    }

    @Test
    void show_json_ofEverySuiteFeature_matchesTheModel() throws IOException {
        Path ubl = ublFile();
        Invoice invoice = EInvoices.read(ubl);

        Run run = Run.of("einvoice", "show", "--json", ubl.toString());

        assertThat(run.code()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("number").asText()).isEqualTo(invoice.number());
        assertThat(json.get("issueDate").asText()).isEqualTo(invoice.issueDate().toString());
        assertThat(json.get("buyerReference").asText()).isEqualTo("04011000-12345-03");
        assertThat(json.get("variant").asText()).isEqualTo("STANDARD");
        assertThat(json.at("/seller/name").asText()).isEqualTo(invoice.seller().name());
        assertThat(json.at("/totals/amountDue").asText()).isEqualTo(invoice.totals().amountDue().toPlainString());
        assertThat(json.get("lines")).hasSize(invoice.lines().size());
        assertThat(json.at("/lines/0/item/name").asText()).isEqualTo(invoice.lines().get(0).item().name());
        assertThat(json.at("/lines/0/netAmount").isTextual()).isTrue();
    }

    @Test
    void show_withoutJson_printsASummary() throws IOException {
        Path in = write("sample.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.UBL));

        Run run = Run.of("einvoice", "show", in.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(""
                + "number          RE-2024-0001\n"
                + "type            380 (invoice)\n"
                + "syntax          UBL\n"
                + "specification   urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0 (XRechnung 3.0, STANDARD)\n"
                + "issue date      2024-05-02\n"
                + "payment due     2024-06-01\n"
                + "buyer reference 04011000-1234512345-06\n"
                + "seller          Stadtwerke Musterstadt GmbH, VAT id DE123456789\n"
                + "buyer           Stadtverwaltung Beispielstadt\n"
                + "lines           2\n"
                + "net total       978.80 EUR\n"
                + "VAT total       183.12 EUR\n"
                + "total           1161.92 EUR\n"
                + "amount due      1161.92 EUR\n");
    }

    @Test
    void show_missingFileOrNotXml_exits2() throws IOException {
        Path missing = dir.resolve("missing.xml");
        Run none = Run.of("einvoice", "show", "--json", missing.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("ozgkit einvoice show: " + missing + ": no such file\n");

        Path text = write("text.xml", "plain text");
        Run notXml = Run.of("einvoice", "show", "--json", text.toString());
        assertThat(notXml.code()).isEqualTo(2);
        assertThat(notXml.out()).isEmpty();
        // one clear line: the parser's message once, with the location, not three stacked messages
        assertThat(notXml.err()).isEqualTo("ozgkit einvoice show: " + text
                + ": not XML: Content is not allowed in prolog. (line 1, column 1)\n");
    }

    @Test
    void validateShowConvert_onAZugferdPdf_suggestExtract() throws IOException {
        Path xml = write("rechnung.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII));
        Path hybrid = write("hybrid.pdf", ZugferdPdf.embed(visualPdf(), Files.readAllBytes(xml),
                de.ozgkit.einvoice.pdf.ZugferdProfile.XRECHNUNG));
        for (String command : List.of("validate", "show", "convert")) {
            Run run = command.equals("convert")
                    ? Run.of("einvoice", command, "--to", "ubl", hybrid.toString(), dir.resolve("out.xml").toString())
                    : Run.of("einvoice", command, hybrid.toString());
            assertThat(run.code()).as(command).isEqualTo(2);
            assertThat(run.err()).as(command).isEqualTo("ozgkit einvoice " + command + ": " + hybrid
                    + ": is a PDF, not XML; if it is a ZUGFeRD / Factur-X invoice, extract the XML first:"
                    + " ozgkit einvoice extract " + hybrid + " <OUT.xml>\n");
        }
    }

    // ---- pdf and extract ----

    @Test
    void pdf_thenExtract_roundTripsTheInvoiceByteForByte() throws IOException {
        Path cii = ciiFile();
        Path visual = write("visual.pdf", visualPdf());
        Path hybrid = dir.resolve("hybrid.pdf");
        Path extracted = dir.resolve("extracted.xml");

        Run pdf = Run.of("einvoice", "pdf", "--xml", cii.toString(), "--pdf", visual.toString(), "--out", hybrid.toString());
        assertThat(pdf.err()).isEmpty();
        assertThat(pdf.code()).isZero();
        assertThat(pdf.out()).isEqualTo(hybrid + ": ZUGFeRD / Factur-X PDF, profile XRECHNUNG, embeds xrechnung.xml;"
                + " declared PDF/A-3 with all fonts embedded (checked), not run through a PDF/A validator\n");
        assertThat(ZugferdPdf.extractInvoice(Files.readAllBytes(hybrid)).fileName()).isEqualTo("xrechnung.xml");

        Run extract = Run.of("einvoice", "extract", hybrid.toString(), extracted.toString());
        assertThat(extract.err()).isEmpty();
        assertThat(extract.code()).isZero();
        assertThat(extract.out()).isEqualTo(extracted + ": xrechnung.xml from " + hybrid + ", " + Files.size(cii) + " bytes\n");
        assertThat(Files.readAllBytes(extracted)).isEqualTo(Files.readAllBytes(cii));
        assertThat(Run.of("einvoice", "validate", extracted.toString()).code()).isZero();
    }

    @Test
    void pdf_profileEn16931_embedsFacturX() throws IOException {
        Path cii = write("sample.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII));
        Path visual = write("visual.pdf", visualPdf());
        Path hybrid = dir.resolve("hybrid.pdf");

        Run run = Run.of("einvoice", "pdf", "--profile", "en16931", "--xml", cii.toString(), "--pdf", visual.toString(),
                "--out", hybrid.toString());

        assertThat(run.code()).isZero();
        assertThat(ZugferdPdf.extractInvoice(Files.readAllBytes(hybrid)).fileName()).isEqualTo("factur-x.xml");
        assertThat(EInvoices.read(ZugferdPdf.extract(Files.readAllBytes(hybrid)))).isEqualTo(SampleInvoice.create());
    }

    @Test
    void pdf_fontNotEmbedded_exits1_andClaimsNoPdfA() throws IOException {
        Path xml = write("rechnung.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII));
        byte[] visual;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Rechnung");
                content.endText();
            }
            doc.save(bytes);
            visual = bytes.toByteArray();
        }
        Path pdf = write("visual.pdf", visual);
        Path out = dir.resolve("hybrid.pdf");

        Run run = Run.of("einvoice", "pdf", "--xml", xml.toString(), "--pdf", pdf.toString(), "--out", out.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("ozgkit einvoice pdf: " + pdf + ": the PDF uses the font 'Helvetica' without"
                + " embedding it, so it cannot become a PDF/A-3");
        assertThat(out).doesNotExist();
    }

    @Test
    void pdf_ublInvoice_exits1WithAHintAndWritesNothing() throws IOException {
        Path ubl = ublFile();
        Path visual = write("visual.pdf", visualPdf());
        Path hybrid = dir.resolve("hybrid.pdf");

        Run run = Run.of("einvoice", "pdf", "--xml", ubl.toString(), "--pdf", visual.toString(), "--out", hybrid.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ozgkit einvoice pdf: " + ubl + ": is UBL, but ZUGFeRD / Factur-X embeds CII;"
                + " convert it first: ozgkit einvoice convert --to cii " + ubl + " <OUT.xml>\n");
        assertThat(Files.exists(hybrid)).isFalse();
    }

    @Test
    void pdf_inputThatIsNoPdf_exits2() throws IOException {
        Path cii = write("sample.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII));
        Path notPdf = write("visual.pdf", "GIF89a not a pdf");
        Path hybrid = dir.resolve("hybrid.pdf");

        Run run = Run.of("einvoice", "pdf", "--xml", cii.toString(), "--pdf", notPdf.toString(), "--out", hybrid.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("ozgkit einvoice pdf: " + notPdf + ": ");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(Files.exists(hybrid)).isFalse();
    }

    @Test
    void pdf_xmlThatIsNotXml_exits2_andMissingPdf_exits2() throws IOException {
        Path broken = write("broken.xml", "<rsm:CrossIndustryInvoice");
        Path visual = write("visual.pdf", visualPdf());
        Run notXml = Run.of("einvoice", "pdf", "--xml", broken.toString(), "--pdf", visual.toString(),
                "--out", dir.resolve("out.pdf").toString());
        assertThat(notXml.code()).isEqualTo(2);
        assertThat(notXml.err()).startsWith("ozgkit einvoice pdf: " + broken + ": not XML: ");

        Path cii = write("sample.xml", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII));
        Path missing = dir.resolve("missing.pdf");
        Run noPdf = Run.of("einvoice", "pdf", "--xml", cii.toString(), "--pdf", missing.toString(),
                "--out", dir.resolve("out.pdf").toString());
        assertThat(noPdf.code()).isEqualTo(2);
        assertThat(noPdf.err()).isEqualTo("ozgkit einvoice pdf: " + missing + ": no such file\n");
        assertThat(Files.exists(dir.resolve("out.pdf"))).isFalse();
    }

    @Test
    void pdf_pdfThatAlreadyEmbedsAnInvoice_exits1() throws IOException {
        byte[] cii = EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII);
        Path xml = write("sample.xml", cii);
        Path hybrid = write("hybrid.pdf", ZugferdPdf.embed(visualPdf(), cii, de.ozgkit.einvoice.pdf.ZugferdProfile.XRECHNUNG));

        Run run = Run.of("einvoice", "pdf", "--xml", xml.toString(), "--pdf", hybrid.toString(),
                "--out", dir.resolve("out.pdf").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("ozgkit einvoice pdf: " + hybrid + ": the PDF already embeds an invoice");
    }

    @Test
    void pdf_unknownProfile_isAUsageError() throws IOException {
        Run run = Run.of("einvoice", "pdf", "--profile", "basic", "--xml", "a.xml", "--pdf", "a.pdf", "--out", "b.pdf");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ozgkit einvoice pdf: --profile must be xrechnung or en16931, was 'basic' "
                + "(see 'ozgkit einvoice pdf --help')\n");
    }

    @Test
    void extract_pdfWithoutInvoice_exits1AndWritesNothing() throws IOException {
        Path visual = write("visual.pdf", visualPdf());
        Path out = dir.resolve("out.xml");

        Run run = Run.of("einvoice", "extract", visual.toString(), out.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("ozgkit einvoice extract: " + visual + ": the PDF embeds no invoice");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void extract_notAPdfOrMissing_exits2() throws IOException {
        Path xml = write("invoice.pdf", EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII));
        Run notPdf = Run.of("einvoice", "extract", xml.toString(), dir.resolve("out.xml").toString());
        assertThat(notPdf.code()).isEqualTo(2);
        assertThat(notPdf.err()).startsWith("ozgkit einvoice extract: " + xml + ": ");

        Path missing = dir.resolve("missing.pdf");
        Run none = Run.of("einvoice", "extract", missing.toString(), dir.resolve("out.xml").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("ozgkit einvoice extract: " + missing + ": no such file\n");
        assertThat(Files.exists(dir.resolve("out.xml"))).isFalse();
    }

    @Test
    void einvoiceWithoutSubcommand_isAUsageError_andHelpListsTheSubcommands() {
        Run run = Run.of("einvoice");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ozgkit einvoice: Missing required subcommand (see 'ozgkit einvoice --help')\n");
        assertThat(Run.of("einvoice", "--help").out()).contains("validate", "convert", "show", "pdf", "extract");
    }

    /** {@code show --json} of {@link SampleInvoice} written as CII: pins every field name. */
    private static final String SAMPLE_JSON = """
            {
              "number": "RE-2024-0001",
              "issueDate": "2024-05-02",
              "typeCode": "380",
              "creditNote": false,
              "currencyCode": "EUR",
              "paymentDueDate": "2024-06-01",
              "buyerReference": "04011000-1234512345-06",
              "businessProcessType": "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
              "specificationIdentifier": "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
              "variant": "STANDARD",
              "seller": {
                "name": "Stadtwerke Musterstadt GmbH",
                "vatId": "DE123456789",
                "electronicAddress": {
                  "value": "rechnung@stadtwerke.example",
                  "schemeId": "EM"
                },
                "address": {
                  "line1": "Hauptstraße 1",
                  "city": "Musterstadt",
                  "postCode": "12345",
                  "countryCode": "DE"
                },
                "contact": {
                  "name": "Buchhaltung",
                  "telephone": "+49 30 1234567",
                  "email": "buchhaltung@stadtwerke.example"
                }
              },
              "buyer": {
                "name": "Stadtverwaltung Beispielstadt",
                "electronicAddress": {
                  "value": "04011000-1234512345-06",
                  "schemeId": "0204"
                },
                "address": {
                  "line1": "Rathausplatz 2",
                  "city": "Beispielstadt",
                  "postCode": "54321",
                  "countryCode": "DE"
                }
              },
              "paymentInstructions": {
                "meansCode": "58",
                "creditTransfers": [
                  {
                    "accountId": "DE75512108001245126199"
                  }
                ]
              },
              "totals": {
                "lineNetTotal": "978.80",
                "totalWithoutVat": "978.80",
                "vatTotal": "183.12",
                "totalWithVat": "1161.92",
                "amountDue": "1161.92"
              },
              "vatBreakdown": [
                {
                  "taxableAmount": "955.00",
                  "taxAmount": "181.45",
                  "categoryCode": "S",
                  "rate": "19"
                },
                {
                  "taxableAmount": "23.80",
                  "taxAmount": "1.67",
                  "categoryCode": "S",
                  "rate": "7"
                }
              ],
              "lines": [
                {
                  "id": "1",
                  "quantity": "10",
                  "unitCode": "HUR",
                  "netAmount": "955.00",
                  "price": {
                    "netPrice": "95.50"
                  },
                  "vatCategoryCode": "S",
                  "vatRate": "19",
                  "item": {
                    "name": "Wartung Heizungsanlage"
                  }
                },
                {
                  "id": "2",
                  "quantity": "2",
                  "unitCode": "C62",
                  "netAmount": "23.80",
                  "price": {
                    "netPrice": "11.90"
                  },
                  "vatCategoryCode": "S",
                  "vatRate": "7",
                  "item": {
                    "name": "Betriebshandbuch, gedruckt"
                  }
                }
              ]
            }
            """;
}
