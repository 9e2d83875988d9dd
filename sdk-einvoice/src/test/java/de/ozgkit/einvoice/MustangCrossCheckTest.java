package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Cross-checks ozgkit's verdicts with Mustang's {@code ZUGFeRDValidator} (a second implementation
 * over the same official rule sets). Every divergence is expected here with its reason, and the same
 * list is in docs/einvoice.md ("Validation"); a new or vanished divergence fails the test.
 */
class MustangCrossCheckTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();
    private static final Pattern RULE_ID = Pattern.compile("\\[ID ([^\\]\\s]+)]");
    private static final Pattern XSD_CODE = Pattern.compile("(cvc-[A-Za-z0-9.-]+[A-Za-z0-9])");

    /** Suite files Mustang calls invalid, with the reason. ozgkit calls all 66 valid. */
    private static final Map<String, String> SUITE_DIVERGENCES = Map.of(
            "01.04a-INVOICE_uncefact.xml",
            "Mustang's own arithmetic check (not part of the official rules) fails with a NullPointerException");

    /**
     * Negative cases where Mustang reports other error ids than the official rule sets, with the reason.
     * Verdicts (invalid) agree in every case.
     */
    private static final Map<String, String> CASE_DIVERGENCES = Map.of(
            "ubl-bad-date",
            "Mustang stops the XML Schema check at the first error (cvc-datatype-valid.1.2.1); the JDK's"
                    + " schema validator then also reports cvc-complex-type.2.2 for the same element");

    /** What a validator said about one document: its verdict and the rule ids of its errors. */
    record Verdict(boolean valid, Set<String> errorIds) {
    }

    @Test
    void negativeCases_verdictsAgreeWithMustang_divergencesAreTheDocumentedOnes() {
        TestSuiteFiles.assumePresent();
        Map<String, String> divergences = new TreeMap<>();
        for (NegativeCases.Case c : NegativeCases.ALL) {
            byte[] xml = c.xml().getBytes(StandardCharsets.UTF_8);
            Verdict ours = ozgkit(xml);
            Verdict theirs = mustang(xml, c.name() + ".xml");

            assertThat(theirs.valid()).as("Mustang's verdict on " + c.name()).isEqualTo(ours.valid());
            if (!ours.errorIds().equals(theirs.errorIds())) {
                divergences.put(c.name(), "ozgkit " + ours.errorIds() + ", Mustang " + theirs.errorIds());
            }
        }
        assertThat(divergences.keySet()).as(divergences.toString()).isEqualTo(CASE_DIVERGENCES.keySet());
    }

    @Test
    void suiteFiles_verdictsAgreeWithMustang_exceptWhereMustangCrashes() throws Exception {
        TestSuiteFiles.assumePresent();
        Map<String, String> divergences = new TreeMap<>();
        for (Path file : TestSuiteFiles.all()) {
            byte[] xml = Files.readAllBytes(file);
            Verdict ours = ozgkit(xml);
            Verdict theirs = mustang(xml, file.getFileName().toString());
            assertThat(ours.valid()).isTrue();
            if (ours.valid() != theirs.valid()) {
                divergences.put(file.getFileName().toString(), "Mustang " + theirs);
            }
        }
        assertThat(divergences.keySet()).as(divergences.toString()).isEqualTo(SUITE_DIVERGENCES.keySet());
    }

    @Test
    void ciiElementOutsideTheFacturXSchema_validHereWithWarning_schemaErrorInMustang() {
        // ram:Reference is in the UN/CEFACT CII D16B schema (which KoSIT's XRechnung configuration uses)
        // but not in the narrower Factur-X schema Mustang checks XRechnung CII against; EN 16931 itself
        // only warns about it (CII-SR-442)
        String xml = TestSuiteFiles.read(NegativeCases.CII)
                .replace("<ram:BuyerReference>", "<ram:Reference>R-1</ram:Reference><ram:BuyerReference>");
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        ValidationReport ours = VALIDATOR.validate(bytes);
        Verdict theirs = mustang(bytes, "cii-reference.xml");

        assertThat(ours.valid()).as(ours.toString()).isTrue();
        assertThat(ours.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("CII-SR-442");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(theirs.valid()).isFalse();
        assertThat(theirs.errorIds()).containsExactly("cvc-complex-type.2.4.a");
    }

    private static Verdict ozgkit(byte[] xml) {
        ValidationReport r = VALIDATOR.validate(xml);
        return new Verdict(r.valid(), r.errors().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Runs Mustang's validator and reads its XML report: {@code <error>} elements are its errors. */
    static Verdict mustang(byte[] xml, String name) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(xml, name);
        Document doc = SecureXml.parse(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)));
        Set<String> ids = new TreeSet<>();
        NodeList errors = doc.getElementsByTagName("error");
        for (int i = 0; i < errors.getLength(); i++) {
            String text = ((Element) errors.item(i)).getTextContent();
            Matcher m = RULE_ID.matcher(text);
            Matcher x = XSD_CODE.matcher(text);
            ids.add(m.find() ? m.group(1) : x.find() ? x.group(1) : "mustang-error-type-"
                    + ((Element) errors.item(i)).getAttribute("type"));
        }
        return new Verdict(validator.wasCompletelyValid(), ids);
    }
}
