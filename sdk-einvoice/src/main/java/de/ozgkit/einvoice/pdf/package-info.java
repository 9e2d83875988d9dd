/**
 * ZUGFeRD 2.x / Factur-X hybrid invoices: a PDF/A-3 with the CII invoice embedded.
 *
 * <pre>{@code
 * byte[] hybrid = ZugferdPdf.embed(visualPdf, ciiXml, ZugferdProfile.XRECHNUNG);
 * EmbeddedInvoice back = ZugferdPdf.extractInvoice(hybrid);   // back.xml() equals ciiXml
 * }</pre>
 *
 * <p>Errors are {@link de.ozgkit.einvoice.pdf.ZugferdException}s whose
 * {@link de.ozgkit.einvoice.pdf.ZugferdException#kind() kind} says what was wrong with the input.
 */
package de.ozgkit.einvoice.pdf;
