package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.InvoiceType;
import de.ozgkit.einvoice.model.VatCategory;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything the writers produce is a valid XRechnung: zero errors from the module's
 * {@code EInvoiceValidator} (XML schema, EN 16931 and XRechnung Schematron), for invoices built with
 * the deriving builder and for every test-suite invoice written in both syntaxes.
 *
 * <p>The validator is looked up at run time, so that the model, writer and reader tests compile and
 * run on their own; where the validator is not on the class path the tests are skipped with a message.
 */
class WrittenDocumentsValidateTest {

    private static final String VALIDATOR = "de.ozgkit.einvoice.EInvoiceValidator";

    private static Object validator() {
        try {
            return Class.forName(VALIDATOR).getMethod("create").invoke(null);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + VALIDATOR, e);
        }
    }

    private static final Object INSTANCE = validator();

    private static void assertValid(String what, byte[] xml) throws ReflectiveOperationException {
        Method validate = Class.forName(VALIDATOR).getMethod("validate", byte[].class);
        Object report = validate.invoke(INSTANCE, (Object) xml);
        Method errors = report.getClass().getMethod("errors");
        Method valid = report.getClass().getMethod("valid");
        assertThat((List<?>) errors.invoke(report)).as(what).isEmpty();
        assertThat((Boolean) valid.invoke(report)).as(what).isTrue();
    }

    @Test
    void builtInvoices_validateWithZeroErrors_inBothSyntaxes() throws ReflectiveOperationException {
        assumeTrue(INSTANCE != null, VALIDATOR + " is not on the class path");
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
    void eachTestSuiteInvoice_writtenInBothSyntaxes_validatesWithZeroErrors(Path file)
            throws ReflectiveOperationException {
        assumeTrue(INSTANCE != null, VALIDATOR + " is not on the class path");
        assumeTrue(Files.isRegularFile(file), "the XRechnung test suite is not at " + file.getParent());
        Invoice inv = EInvoices.read(file);
        for (InvoiceSyntax syntax : InvoiceSyntax.values()) {
            assertValid(file.getFileName() + " written as " + syntax, EInvoices.write(inv, syntax));
        }
    }
}
