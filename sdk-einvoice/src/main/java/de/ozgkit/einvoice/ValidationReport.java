package de.ozgkit.einvoice;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The result of validating one invoice: the verdict, every finding, what the validator recognised
 * (syntax, specification identifier BT-24, profile, XRechnung variant) and which rule sets ran.
 *
 * <p>A document is {@linkplain #valid() valid} when no finding is an error ({@link Severity#FATAL} or
 * {@link Severity#ERROR}); warnings and notes do not count. Findings are ordered by layer (XML Schema,
 * EN 16931, XRechnung or Factur-X, then the profile check) and within a layer as the layer reported them.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ValidationReport {

    private final List<Finding> findings;
    private final InvoiceSyntax syntax;
    private final String specificationIdentifier;
    private final XRechnungVariant variant;
    private final InvoiceProfile profile;
    private final List<RuleSet> ruleSets;

    /**
     * Creates a report without rule sets; the profile follows from the specification identifier.
     *
     * @param findings                every finding, in order
     * @param syntax                  the recognised syntax, {@code null} when the document is not an invoice
     * @param specificationIdentifier the specification identifier (BT-24) as found, {@code null} when absent
     */
    public ValidationReport(List<Finding> findings, InvoiceSyntax syntax, String specificationIdentifier) {
        this(findings, syntax, specificationIdentifier,
                InvoiceProfile.lookup(specificationIdentifier).orElse(null), List.of());
    }

    /**
     * Creates a report.
     *
     * @param findings                every finding, in order
     * @param syntax                  the recognised syntax, {@code null} when the document is not an invoice
     * @param specificationIdentifier the specification identifier (BT-24) as found, {@code null} when absent
     * @param profile                 the profile the rule sets were chosen for, {@code null} when BT-24 names none
     * @param ruleSets                the rule sets that ran, in order; empty when the document was refused
     */
    public ValidationReport(List<Finding> findings, InvoiceSyntax syntax, String specificationIdentifier,
            InvoiceProfile profile, List<RuleSet> ruleSets) {
        this.findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        this.syntax = syntax;
        this.specificationIdentifier = specificationIdentifier;
        this.variant = XRechnungVariant.lookup(specificationIdentifier).orElse(null);
        this.profile = profile;
        this.ruleSets = List.copyOf(Objects.requireNonNull(ruleSets, "ruleSets"));
    }

    /** @return {@code true} when no finding is an error ({@link Severity#FATAL} or {@link Severity#ERROR}) */
    public boolean valid() {
        return findings.stream().noneMatch(f -> f.severity().isError());
    }

    /**
     * @return {@code true} when the document could be checked against the rules, {@code false} when it
     *         was refused before (not XML, a DTD, a broken size or depth limit, not an invoice): then the
     *         report holds a {@link Severity#FATAL} finding
     */
    public boolean processed() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.FATAL);
    }

    /** @return every finding, in order; empty for a valid invoice without warnings */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * @param layer a validation layer
     * @return the findings of that layer, in order
     */
    public List<Finding> findings(ValidationLayer layer) {
        return findings.stream().filter(f -> f.layer() == layer).toList();
    }

    /** @return the findings that make the document invalid ({@link Severity#FATAL} and {@link Severity#ERROR}) */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity().isError()).toList();
    }

    /** @return the number of {@linkplain #errors() errors} */
    public int errorCount() {
        return (int) findings.stream().filter(f -> f.severity().isError()).count();
    }

    /** @return the distinct rule identifiers of all findings, in order of first appearance */
    public Set<String> ruleIds() {
        Set<String> ids = new LinkedHashSet<>();
        findings.forEach(f -> ids.add(f.ruleId()));
        return ids;
    }

    /** @return the syntax recognised from the root element; empty when the document is not an invoice */
    public Optional<InvoiceSyntax> syntax() {
        return Optional.ofNullable(syntax);
    }

    /** @return the specification identifier (BT-24) as found in the document; empty when absent */
    public Optional<String> specificationIdentifier() {
        return Optional.ofNullable(specificationIdentifier);
    }

    /**
     * @return the XRechnung 3.0 variant named by the specification identifier (BT-24); empty when the
     *         identifier is none of XRechnung 3.0's (the XRechnung rules then report BR-DE-21)
     */
    public Optional<XRechnungVariant> variant() {
        return Optional.ofNullable(variant);
    }

    /**
     * @return the profile named by the specification identifier (BT-24), for which the rule sets were chosen;
     *         empty when BT-24 names no profile ozgkit knows (or one its syntax does not have): then the XML
     *         Schema of the syntax and EN 16931 ran
     */
    public Optional<InvoiceProfile> profile() {
        return Optional.ofNullable(profile);
    }

    /** @return the rule sets that ran, in the order they ran; empty when the document could not be processed */
    public List<RuleSet> ruleSets() {
        return ruleSets;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationReport r && findings.equals(r.findings) && syntax == r.syntax
                && Objects.equals(specificationIdentifier, r.specificationIdentifier) && profile == r.profile
                && ruleSets.equals(r.ruleSets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(findings, syntax, specificationIdentifier, profile, ruleSets);
    }

    /** @return a multi-line summary: the verdict, then one line per finding */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(valid() ? "valid" : "invalid (" + errorCount() + " errors)");
        sb.append(" [").append(syntax == null ? "unknown syntax" : syntax)
                .append(", ").append(profile == null ? "no known profile" : profile)
                .append(", ").append(variant == null ? "no XRechnung 3.0 variant" : variant)
                .append(", rule sets ").append(ruleSets).append(']');
        for (Finding f : findings) {
            sb.append("\n  ").append(f);
        }
        return sb.toString();
    }
}
