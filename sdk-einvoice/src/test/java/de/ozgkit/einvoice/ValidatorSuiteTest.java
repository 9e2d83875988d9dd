package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the official XRechnung test suite (standard cases) validates with zero errors. */
class ValidatorSuiteTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();

    static Stream<Named<Path>> suiteFiles() {
        List<Path> files = TestSuiteFiles.all();
        if (files.isEmpty()) {
            // a single skipped invocation, so that the absent suite shows up as skipped, not as passed
            return Stream.of(Named.of("shared test suite absent", null));
        }
        return files.stream().map(p -> Named.of(p.getFileName().toString(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suiteFiles")
    void validate_suiteFile_isValidWithZeroErrors(Path file) {
        TestSuiteFiles.assumePresent();
        ValidationReport report = VALIDATOR.validate(file);

        assertThat(report.errors()).as(file.getFileName() + "\n" + report).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.syntax()).contains(file.getFileName().toString().endsWith("_ubl.xml")
                ? InvoiceSyntax.UBL : InvoiceSyntax.CII);
        assertThat(report.variant()).contains(XRechnungVariant.STANDARD);
        assertThat(report.specificationIdentifier()).contains(XRechnungVariant.STANDARD.specificationIdentifier());
    }

    @Test
    void suite_hasAllSixtySixFiles() {
        TestSuiteFiles.assumePresent();
        assertThat(TestSuiteFiles.all()).hasSize(66);
    }
}
