package de.ozgkit.einvoice;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The result of validating one invoice: the verdict, every finding, and what the validator
 * recognised (syntax, specification identifier BT-24, XRechnung variant).
 *
 * <p>A document is {@linkplain #valid() valid} when no finding is an error ({@link Severity#FATAL} or
 * {@link Severity#ERROR}); warnings and notes do not count. Findings are ordered by layer (XML Schema,
 * EN 16931, XRechnung) and within a layer as the layer reported them.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ValidationReport {

    private final List<Finding> findings;
    private final InvoiceSyntax syntax;
    private final String specificationIdentifier;
    private final XRechnungVariant variant;

    /**
     * Creates a report.
     *
     * @param findings                every finding, in order
     * @param syntax                  the recognised syntax, {@code null} when the document is not an invoice
     * @param specificationIdentifier the specification identifier (BT-24) as found, {@code null} when absent
     */
    public ValidationReport(List<Finding> findings, InvoiceSyntax syntax, String specificationIdentifier) {
        this.findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        this.syntax = syntax;
        this.specificationIdentifier = specificationIdentifier;
        this.variant = XRechnungVariant.fromSpecificationIdentifier(specificationIdentifier).orElse(null);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationReport r && findings.equals(r.findings) && syntax == r.syntax
                && Objects.equals(specificationIdentifier, r.specificationIdentifier);
    }

    @Override
    public int hashCode() {
        return Objects.hash(findings, syntax, specificationIdentifier);
    }

    /** @return a multi-line summary: the verdict, then one line per finding */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(valid() ? "valid" : "invalid (" + errorCount() + " errors)");
        sb.append(" [").append(syntax == null ? "unknown syntax" : syntax)
                .append(", ").append(variant == null ? "no XRechnung 3.0 variant" : variant).append(']');
        for (Finding f : findings) {
            sb.append("\n  ").append(f);
        }
        return sb.toString();
    }
}
