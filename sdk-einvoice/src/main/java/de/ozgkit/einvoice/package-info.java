/**
 * E-invoicing: the EN 16931 invoice model, XRechnung 3.0 writers and readers for UBL 2.1 and CII D16B, validation against the official rule sets, ZUGFeRD/Factur-X.
 *
 * <p>Reading, writing and converting go through {@link de.ozgkit.einvoice.EInvoices}:
 * <pre>{@code
 * Invoice invoice = EInvoices.read(Path.of("rechnung.xml"));        // UBL or CII, detected
 * byte[] cii = EInvoices.write(invoice, InvoiceSyntax.CII);
 * }</pre>
 *
 * <p>Validating an invoice against the XML Schema of its syntax and the official EN 16931 and
 * XRechnung rules:
 * <pre>{@code
 * EInvoiceValidator validator = EInvoiceValidator.create();   // thread-safe, share it
 * ValidationReport report = validator.validate(Path.of("invoice.xml"));
 * if (!report.valid()) {
 *     for (Finding f : report.errors()) {
 *         System.out.println(f.ruleId() + " " + f.location() + ": " + f.message());
 *     }
 * }
 * }</pre>
 */
package de.ozgkit.einvoice;
