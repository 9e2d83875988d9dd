/**
 * The part of {@code sdk-einvoice} that uses libraries without a module name: Saxon-HE, which runs the
 * official Schematron rule sets ({@link de.ozgkit.einvoice.engine.Stylesheets}), with the rule sets and
 * schemas from the resources of Mustang's validator jar, and Mustang's library, which turns a PDF into a
 * ZUGFeRD / Factur-X PDF/A-3 ({@link de.ozgkit.einvoice.engine.ZugferdExport}).
 *
 * <p>Not for applications: use {@code de.ozgkit.einvoice.EInvoiceValidator} and
 * {@code de.ozgkit.einvoice.pdf.ZugferdPdf}, which reach this package and turn its checked exceptions into
 * ozgkit's. Its types may change with any release.
 *
 * <pre>{@code
 * byte[] hybrid = ZugferdExport.export(pdf, ciiXml, "EN16931", null, "ozgkit");
 * }</pre>
 *
 * <p>Artifact {@code de.ozgkit:sdk-einvoice-engine}, automatic module {@code de.ozgkit.einvoice.engine}
 * (named in the jar's manifest). It has no module descriptor because the jars of Saxon-HE and Mustang
 * have no module name, and no published descriptor may require a module named only after its file; as
 * an automatic module it reads them, and {@code de.ozgkit.einvoice} requires it by its stable name.
 */
package de.ozgkit.einvoice.engine;
