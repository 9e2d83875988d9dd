package de.ozgkit.einvoice;

import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceBuilder;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.Item;
import de.ozgkit.einvoice.model.VatCategory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds, writes and reads back an invoice with many lines, in both syntaxes. Run in a JVM of its
 * own with a small heap by {@link LargeInvoiceMemoryTest}; prints one line per syntax and exits
 * with 0 when every read-back model equals the built one.
 */
public final class LargeInvoiceCheck {

    private LargeInvoiceCheck() {
    }

    public static void main(String[] args) throws Exception {
        int lines = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long t0 = System.nanoTime();
        InvoiceBuilder b = TestInvoices.minimal().build().toBuilder();
        BigDecimal seven = new BigDecimal("7");
        BigDecimal nineteen = new BigDecimal("19");
        for (int i = 2; i <= lines; i++) {
            b.addLine(InvoiceLine.builder().id(Integer.toString(i)).item(Item.named("Position " + i))
                    .quantity(BigDecimal.valueOf(i % 17 + 1), "C62").netPrice(BigDecimal.valueOf(i % 997 + 1, 2))
                    .vat(VatCategory.STANDARD_RATE, i % 3 == 0 ? seven : nineteen).build());
        }
        Invoice invoice = b.build();
        System.out.printf("built %d lines in %d ms%n", invoice.lines().size(), (System.nanoTime() - t0) / 1_000_000);
        XRechnungReader reader = XRechnungReader.create().withLimits(XmlLimits.DEFAULT.withMaxBytes(1L << 30));
        for (InvoiceSyntax syntax : InvoiceSyntax.values()) {
            Path file = dir.resolve("large-" + syntax.name().toLowerCase() + ".xml");
            long w0 = System.nanoTime();
            XRechnungWriter.of(syntax).write(invoice, file);
            long w1 = System.nanoTime();
            Invoice back = reader.read(file);
            long r1 = System.nanoTime();
            if (!back.equals(invoice)) {
                System.out.println(syntax + ": read-back model differs: " + ModelDiff.diff(invoice, back).stream().limit(5).toList());
                System.exit(1);
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("%s: %d lines, %d bytes, write %d ms, read %d ms, heap used %d MiB of max %d MiB%n",
                    syntax, back.lines().size(), Files.size(file), (w1 - w0) / 1_000_000, (r1 - w1) / 1_000_000,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            Files.delete(file);
            back = null;
        }
        System.out.println("OK");
    }
}
