package de.ozgkit.einvoice;

import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.einvoice.internal.validation.DefaultEInvoiceValidator;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Validates e-invoices in UBL 2.1 and CII D16B against the official rule sets of their profile, as
 * shipped on Maven Central in {@code org.mustangproject:validator}: the XML Schema of the syntax, the
 * EN 16931 Schematron (CEN/TC 434 validation artefacts 1.3.14), the XRechnung Schematron (KoSIT 2.4.0 for
 * XRechnung 3.0.2) with the rule levels of KoSIT's validator configuration, and the Factur-X / ZUGFeRD
 * schemas and Schematron of each profile.
 *
 * <p>The rule sets are chosen by the root element (syntax) and the specification identifier (BT-24),
 * see {@link InvoiceProfile}: XRechnung 3.0 (standard CIUS, Extension, CVD; {@link XRechnungVariant}) gets
 * the schema, EN 16931 and XRechnung; plain EN 16931 (and the Factur-X EN16931 profile) the schema and
 * EN 16931; the Factur-X / ZUGFeRD profiles EXTENDED, BASIC, BASIC WL and MINIMUM their own schema and
 * Schematron. A document whose BT-24 names none of these is checked against the schema and EN 16931 and
 * gets the warning {@value #RULE_PROFILE_UNKNOWN}. {@link ValidationReport#ruleSets()} tells which ran.
 * A portal that accepts only some profiles says so with {@link Builder#require(InvoiceProfile...)}: other
 * documents then get the error {@value #RULE_PROFILE_NOT_ACCEPTED}.
 *
 * <p>Documents are parsed once through ozgkit's hardened parser (no DTDs, so no external entities and
 * no entity expansion; size, depth and attribute limits). A document that cannot be processed yields
 * an invalid report with one {@link Severity#FATAL} finding, identified as
 * <ul>
 *   <li>{@value #RULE_MALFORMED}: not XML, not well-formed, truncated;</li>
 *   <li>{@value #RULE_DOCTYPE}: declares a DTD ({@code <!DOCTYPE>});</li>
 *   <li>{@value #RULE_LIMIT}: larger, deeper or with more attributes than the {@link XmlLimits};</li>
 *   <li>{@value #RULE_ROOT}: well-formed, but the root element is not a UBL Invoice, UBL CreditNote or
 *       CII CrossIndustryInvoice.</li>
 * </ul>
 *
 * <p>Thread-safety: instances are immutable and thread-safe; create one and share it. The compiled
 * rule sets are shared by all instances in the JVM: they are compiled once per syntax, on first use or,
 * with {@link Builder#preload(boolean)}, in the background as soon as the validator is built.
 *
 * <pre>{@code
 * EInvoiceValidator validator = EInvoiceValidator.create();
 * ValidationReport report = validator.validate(Path.of("invoice.xml"));
 * if (!report.valid()) {
 *     report.errors().forEach(System.out::println);
 * }
 * }</pre>
 */
public interface EInvoiceValidator {

    /** Rule id of the finding for input that is not well-formed XML. */
    String RULE_MALFORMED = "OZGKIT-XML-MALFORMED";
    /** Rule id of the finding for input that declares a DTD. */
    String RULE_DOCTYPE = "OZGKIT-XML-DOCTYPE";
    /** Rule id of the finding for input that breaks a size, depth or attribute limit. */
    String RULE_LIMIT = "OZGKIT-XML-LIMIT";
    /** Rule id of the finding for XML whose root element is not an EN 16931 invoice or credit note. */
    String RULE_ROOT = "OZGKIT-XML-ROOT";
    /**
     * Rule id of the error added when a Schematron layer stopped with a dynamic error, so its rules were
     * not all checked: after an XML Schema error (e.g. a non-number in an amount), or on content the
     * schema allows and the rule does not expect (e.g. an element repeated that EN 16931 defines once).
     * The message names the rule being checked, the element and the cause; the location is the element.
     */
    String RULE_SCHEMATRON_ABORTED = "OZGKIT-SCHEMATRON-ABORTED";
    /**
     * Rule id of the warning for a specification identifier (BT-24) that names no profile ozgkit knows
     * for the document's syntax: the document was checked against the schema and EN 16931 only.
     */
    String RULE_PROFILE_UNKNOWN = "OZGKIT-PROFILE-UNKNOWN";
    /** Rule id of the error for a document whose profile is not among those {@link Builder#require required}. */
    String RULE_PROFILE_NOT_ACCEPTED = "OZGKIT-PROFILE-NOT-ACCEPTED";
    /** Rule id of the note that counts the findings of a layer beyond the first 1,000, which are not listed. */
    String RULE_FINDINGS_TRUNCATED = "OZGKIT-FINDINGS-TRUNCATED";

    /**
     * Validates one document.
     *
     * @param xml the document; read to its end (or to the first fatal problem), not closed
     * @return the report
     * @throws EInvoiceValidationException if the stream cannot be read or the rule sets cannot be loaded
     */
    ValidationReport validate(InputStream xml);

    /**
     * Validates one document held in memory.
     *
     * @param xml the document's bytes
     * @return the report
     * @throws EInvoiceValidationException if the rule sets cannot be loaded
     */
    ValidationReport validate(byte[] xml);

    /**
     * Validates one file.
     *
     * @param file the document
     * @return the report
     * @throws EInvoiceValidationException if the file cannot be read or the rule sets cannot be loaded
     */
    ValidationReport validate(Path file);

    /** @return a validator with the default limits ({@link XmlLimits#DEFAULT}) that compiles rule sets on first use */
    static EInvoiceValidator create() {
        return builder().build();
    }

    /** @return a builder for a validator with other limits, required profiles or eager rule compilation */
    static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link EInvoiceValidator}. Not thread-safe; the validators it builds are. */
    final class Builder {
        private XmlLimits limits = XmlLimits.DEFAULT;
        private boolean preload;
        private java.util.Set<InvoiceProfile> required = java.util.Set.of();

        private Builder() {
        }

        /**
         * @param limits size, depth and attribute limits for the documents to validate
         * @return this builder
         */
        public Builder limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Accepts only invoices of the given profiles, as an invoice portal does: a document of another
         * profile (or of none) is invalid with the error {@value EInvoiceValidator#RULE_PROFILE_NOT_ACCEPTED},
         * besides what its own rule sets find. The profiles are compared exactly: an XRechnung is not an
         * {@link InvoiceProfile#EN16931} invoice here, so list every profile the portal accepts.
         *
         * <pre>{@code
         * EInvoiceValidator portal = EInvoiceValidator.builder().require(InvoiceProfile.XRECHNUNG).build();
         * }</pre>
         *
         * @param profiles the accepted profiles; none to accept every profile (the default)
         * @return this builder
         */
        public Builder require(InvoiceProfile... profiles) {
            for (InvoiceProfile p : profiles) {
                Objects.requireNonNull(p, "profiles");
            }
            this.required = java.util.Set.of(profiles);
            return this;
        }

        /**
         * @param preload {@code true} to start compiling the XRechnung rule sets of both syntaxes in the
         *                background when the validator is built, so that the first validation does not wait
         *                for all of it; {@code false} (the default) to compile on first use (the rule sets of
         *                the other profiles are always compiled on first use)
         * @return this builder
         */
        public Builder preload(boolean preload) {
            this.preload = preload;
            return this;
        }

        /**
         * @return the validator
         */
        public EInvoiceValidator build() {
            return new DefaultEInvoiceValidator(limits, preload, required);
        }
    }
}
