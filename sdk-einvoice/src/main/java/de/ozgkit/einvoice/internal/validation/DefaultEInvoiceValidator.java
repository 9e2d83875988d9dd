package de.ozgkit.einvoice.internal.validation;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import de.ozgkit.einvoice.EInvoiceValidationException;
import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.InvoiceProfile;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.RuleSet;
import de.ozgkit.einvoice.Severity;
import de.ozgkit.einvoice.ValidationLayer;
import de.ozgkit.einvoice.ValidationReport;
import de.ozgkit.einvoice.XRechnungVariant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import de.ozgkit.einvoice.engine.EngineException;
import de.ozgkit.einvoice.engine.StylesheetAbort;
import de.ozgkit.einvoice.engine.Tree;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The {@link EInvoiceValidator}: one hardened SAX parse feeds the XML Schema validator and Saxon's
 * tree builder together; the Schematron stylesheets of the document's profile then run on the tree.
 * Immutable and thread-safe; the compiled rule sets are shared through {@link RuleSets}.
 */
public final class DefaultEInvoiceValidator implements EInvoiceValidator {

    private final XmlLimits limits;
    private final Set<InvoiceProfile> required;

    /**
     * @param limits   size, depth and attribute limits for documents
     * @param preload  {@code true} to start compiling the XRechnung rule sets in the background now
     * @param required the profiles a document must have to be valid; empty to accept every profile
     */
    public DefaultEInvoiceValidator(XmlLimits limits, boolean preload, Set<InvoiceProfile> required) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.required = Set.copyOf(required);
        if (preload) {
            RuleSets.preload();
        }
    }

    @Override
    public ValidationReport validate(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        return validate(new ByteArrayInputStream(xml));
    }

    @Override
    public ValidationReport validate(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return validate(in);
        } catch (NoSuchFileException e) {
            throw new EInvoiceValidationException("cannot validate " + file + ": the file does not exist", e);
        } catch (IOException e) {
            throw new EInvoiceValidationException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ValidationReport validate(InputStream xml) {
        Objects.requireNonNull(xml, "xml");
        Findings findings = new Findings();
        List<RuleSet> ruleSets = new ArrayList<>();
        DocumentPipeline pipeline = new DocumentPipeline(findings, (syntax, bt24) -> {
            // BT-24 decides the rule sets: start compiling the stylesheets now, while the parse goes on
            ruleSets.addAll(RuleSets.forProfile(profile(bt24, syntax), syntax));
            RuleSets.prepare(ruleSets, syntax);
            return RuleSets.schema(ruleSets.get(0), syntax);
        });
        Tree document;
        try {
            XMLReader reader = SecureXml.saxParser(limits).getXMLReader();
            reader.setContentHandler(pipeline);
            reader.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            reader.parse(new InputSource(SecureXml.limit(xml, limits.maxBytes())));
            document = pipeline.document();
        } catch (DocumentPipeline.UnknownRoot e) {
            return refused(RULE_ROOT, e.getMessage(), null);
        } catch (SAXException | IOException e) {
            XmlParseException xpe = SecureXml.translate(e, limits);
            return switch (xpe.reason()) {
                case IO -> throw new EInvoiceValidationException("cannot read the document: " + xpe.getMessage(), e);
                case DOCTYPE_FORBIDDEN -> refused(RULE_DOCTYPE, xpe.getMessage(), pipeline.syntax());
                case TOO_LARGE, TOO_DEEP, LIMIT_EXCEEDED -> refused(RULE_LIMIT, xpe.getMessage()
                        + "; validate smaller documents or raise the limits with EInvoiceValidator.builder().limits(...)",
                        pipeline.syntax());
                default -> refused(RULE_MALFORMED, xpe.getMessage(), pipeline.syntax());
            };
        } catch (EngineException e) {
            return refused(RULE_MALFORMED, "XML document is incomplete: " + e.getMessage(), pipeline.syntax());
        }

        InvoiceSyntax syntax = pipeline.syntax();
        String bt24 = pipeline.specificationIdentifier();
        InvoiceProfile profile = profile(bt24, syntax);
        boolean schemaErrors = findings.toList().stream().anyMatch(f -> f.severity().isError());
        for (RuleSet r : ruleSets.subList(1, ruleSets.size())) {
            runSchematron(RuleSets.stylesheet(r, syntax), document, findings, schemaErrors);
        }
        List<Finding> all = findings.toList();
        XRechnungVariant variant = XRechnungVariant.lookup(bt24).orElse(null);
        if (variant != null) {
            all = KositLevels.apply(all, syntax, InvoiceSyntax.UBL_CREDIT_NOTE_NS.equals(pipeline.rootNamespace()), variant);
        }
        all = new ArrayList<>(all);
        profileFindings(bt24, syntax, profile, all);
        return new ValidationReport(all, syntax, bt24, profile, ruleSets);
    }

    /** The profile named by BT-24, if the syntax has it. */
    private static InvoiceProfile profile(String bt24, InvoiceSyntax syntax) {
        return InvoiceProfile.lookup(bt24).filter(p -> p.supports(syntax)).orElse(null);
    }

    private void profileFindings(String bt24, InvoiceSyntax syntax, InvoiceProfile profile, List<Finding> out) {
        String root = syntax == InvoiceSyntax.UBL ? "cbc:CustomizationID" : "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID";
        if (profile == null && bt24 != null) {
            String why = InvoiceProfile.lookup(bt24)
                    .map(p -> "it names the profile " + p + ", which exists only in CII")
                    .orElse("it names none of the profiles ozgkit validates (" + Arrays.toString(InvoiceProfile.values()) + ")");
            out.add(new Finding(RULE_PROFILE_UNKNOWN, Severity.WARNING, "/", "the specification identifier (BT-24, "
                    + root + ") '" + bt24 + "' is not known: " + why + "; the document was checked against the XML"
                    + " Schema of its syntax and the EN 16931 rules only", ValidationLayer.PROFILE));
        }
        if (!required.isEmpty() && (profile == null || !required.contains(profile))) {
            out.add(new Finding(RULE_PROFILE_NOT_ACCEPTED, Severity.ERROR, "/", "the invoice's profile is "
                    + (profile == null ? "none ozgkit knows" : profile.name())
                    + " (specification identifier BT-24 " + (bt24 == null ? "absent" : "'" + bt24 + "'")
                    + "), but only " + required.stream().map(Enum::name).sorted().toList()
                    + " is accepted here", ValidationLayer.PROFILE));
        }
    }

    private static void runSchematron(RuleSets.Compiled rules, Tree document, Findings findings,
            boolean schemaErrors) {
        try {
            rules.stylesheet().run(document, new SvrlCollector(rules.ruleSet().layer(), findings));
        } catch (StylesheetAbort e) {
            findings.add(AbortDiagnosis.finding(rules.ruleSet(), rules.resource(), e, schemaErrors));
        }
    }

    private static ValidationReport refused(String ruleId, String message, InvoiceSyntax syntax) {
        return new ValidationReport(List.of(new Finding(ruleId, Severity.FATAL, "/", message,
                ValidationLayer.XML_SCHEMA)), syntax, null, null, List.of());
    }
}
