package de.ozgkit.einvoice.internal.validation;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import de.ozgkit.einvoice.EInvoiceValidationException;
import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.InvoiceSyntax;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.transform.TransformerException;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XsltTransformer;
import net.sf.saxon.s9api.streams.Predicates;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The {@link EInvoiceValidator}: one hardened SAX parse feeds the XML Schema validator and Saxon's
 * tree builder together; the EN 16931 and XRechnung stylesheets then run on the tree. Immutable and
 * thread-safe; the compiled rule sets are shared through {@link RuleSets}.
 */
public final class DefaultEInvoiceValidator implements EInvoiceValidator {

    private final XmlLimits limits;

    /**
     * @param limits  size, depth and attribute limits for documents
     * @param preload {@code true} to start compiling the rule sets in the background now
     */
    public DefaultEInvoiceValidator(XmlLimits limits, boolean preload) {
        this.limits = Objects.requireNonNull(limits, "limits");
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
        DocumentPipeline pipeline = new DocumentPipeline(findings);
        XdmNode document;
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
        } catch (SaxonApiException e) {
            return refused(RULE_MALFORMED, "XML document is incomplete: " + e.getMessage(), pipeline.syntax());
        }

        String bt24 = specificationIdentifier(document, pipeline.syntax()).orElse(null);
        XRechnungVariant variant = XRechnungVariant.fromSpecificationIdentifier(bt24).orElse(null);
        for (RuleSets.Layer layer : pipeline.rules().schematrons(variant)) {
            runSchematron(layer, document, findings);
        }
        return new ValidationReport(findings.toList(), pipeline.syntax(), bt24);
    }

    private static void runSchematron(RuleSets.Layer layer, XdmNode document, Findings findings) {
        XsltTransformer t = layer.stylesheet().load();
        t.setURIResolver((href, base) -> {
            throw new TransformerException("the rule set may not load " + href);
        });
        t.setMessageHandler(message -> {
            // xsl:message output of the rule sets is not part of the report
        });
        t.setInitialContextNode(document);
        t.setDestination(new SAXDestination(new SvrlCollector(layer.layer(), findings)));
        try {
            t.transform();
        } catch (SaxonApiException e) {
            findings.add(new Finding(RULE_SCHEMATRON_ABORTED, Severity.ERROR, "/",
                    "the " + (layer.layer() == ValidationLayer.EN16931 ? "EN 16931" : "XRechnung")
                            + " rules stopped with an error and could not all be checked: "
                            + e.getMessage() + "; this usually follows from an XML Schema error reported above",
                    layer.layer()));
        }
    }

    /** Reads BT-24: UBL cbc:CustomizationID, CII GuidelineSpecifiedDocumentContextParameter/ram:ID. */
    static Optional<String> specificationIdentifier(XdmNode document, InvoiceSyntax syntax) {
        Optional<XdmNode> root = Optional.empty();
        for (XdmNode c : document.children(Predicates.isElement())) {
            root = Optional.of(c);
            break;
        }
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Optional<XdmNode> id;
        if (syntax == InvoiceSyntax.UBL) {
            id = child(root.get(), Namespaces.CBC, "CustomizationID");
        } else {
            id = child(root.get(), InvoiceSyntax.CII_NS, "ExchangedDocumentContext")
                    .flatMap(c -> child(c, Namespaces.RAM, "GuidelineSpecifiedDocumentContextParameter"))
                    .flatMap(p -> child(p, Namespaces.RAM, "ID"));
        }
        return id.map(n -> n.getStringValue().trim());
    }

    private static Optional<XdmNode> child(XdmNode parent, String uri, String local) {
        for (XdmNode c : parent.children(Predicates.hasName(uri, local))) {
            if (c.getNodeKind() == XdmNodeKind.ELEMENT) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static ValidationReport refused(String ruleId, String message, InvoiceSyntax syntax) {
        return new ValidationReport(List.of(new Finding(ruleId, Severity.FATAL, "/", message,
                ValidationLayer.XML_SCHEMA)), syntax, null);
    }
}
