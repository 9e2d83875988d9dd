package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.InvoiceType;
import de.ozgkit.einvoice.model.VatCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything the writers produce is a valid XRechnung: zero errors from {@link EInvoiceValidator}
 * (XML schema, EN 16931 and XRechnung Schematron), for invoices built with the deriving builder and
 * for every test-suite invoice written in both syntaxes.
 */
class WrittenDocumentsValidateTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();

    private static void assertValid(String what, byte[] xml) {
        ValidationReport report = VALIDATOR.validate(xml);
        assertThat(report.errors()).as(what).isEmpty();
        assertThat(report.valid()).as(what).isTrue();
        assertThat(report.processed()).as(what).isTrue();
    }

    @Test
    void builtInvoices_validateWithZeroErrors_inBothSyntaxes() {
        Invoice rich = TestInvoices.rich();
        Invoice creditNote = rich.toBuilder().type(InvoiceType.CREDIT_NOTE).build();
        InvoiceLine parent = TestInvoices.line("2", "1", "C62", "10.00", VatCategory.STANDARD_RATE, "19")
                .addSubLine(TestInvoices.line("2.1", "2", "C62", "5.00", VatCategory.STANDARD_RATE, "19").build())
                .build();
        Invoice extension = TestInvoices.minimal().variant(XRechnungVariant.EXTENSION).addLine(parent).build();
        for (InvoiceSyntax syntax : InvoiceSyntax.values()) {
            assertValid("minimal " + syntax, EInvoices.write(TestInvoices.minimal().build(), syntax));
            assertValid("rich " + syntax, EInvoices.write(rich, syntax));
            assertValid("credit note " + syntax, EInvoices.write(creditNote, syntax));
        }
        assertValid("extension with sub invoice lines, UBL", EInvoices.write(extension, InvoiceSyntax.UBL));
    }

    static List<Path> files() throws IOException {
        return ConformanceTest.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachTestSuiteInvoice_writtenInBothSyntaxes_validatesWithZeroErrors(Path file) {
        TestSuiteFiles.assumePresent();
        Invoice inv = EInvoices.read(file);
        for (InvoiceSyntax syntax : InvoiceSyntax.values()) {
            assertValid(file.getFileName() + " written as " + syntax, EInvoices.write(inv, syntax));
        }
    }
}
