package de.ozgkit.einvoice.internal.validation;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.einvoice.EInvoiceValidationException;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.ValidationLayer;
import de.ozgkit.einvoice.XRechnungVariant;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import org.xml.sax.SAXException;

/**
 * The official rule sets, compiled once per syntax and shared by every validator in the JVM.
 *
 * <p>Sources, all read from the class path:
 * <ul>
 *   <li>EN 16931 validation artefacts 1.3.14 (CEN/TC 434), precompiled Schematron XSLT, and the
 *       XRechnung Schematron 2.4.0 (KoSIT, for XRechnung 3.0.2), precompiled XSLT, from
 *       {@code org.mustangproject:validator};</li>
 *   <li>the OASIS UBL 2.1 schemas, from {@code org.mustangproject:validator};</li>
 *   <li>the UN/CEFACT CII D16B schema, from {@code com.helger.cii:ph-cii-d16b}.</li>
 * </ul>
 * The stylesheets run unchanged; each is imported by a small wrapper that only redefines how
 * finding locations are written (see {@link #LOCATION_WRAPPER}).
 */
final class RuleSets {

    static final String EN16931_UBL = "xslt/en16931schematron/EN16931-UBL-validation.xslt";
    static final String EN16931_CII = "xslt/en16931schematron/EN16931-CII-validation.xslt";
    static final String XRECHNUNG_UBL = "xslt/XR_30/XRechnung-UBL-validation.xslt";
    static final String XRECHNUNG_CII = "xslt/XR_30/XRechnung-CII-validation.xslt";
    static final String UBL_INVOICE_XSD = "schema/UBL_21/maindoc/UBL-Invoice-2.1.xsd";
    static final String UBL_CREDIT_NOTE_XSD = "schema/UBL_21/maindoc/UBL-CreditNote-2.1.xsd";
    static final String CII_XSD = "external/schemas/d16b/data/standard/CrossIndustryInvoice_100pD16B.xsd";

    /**
     * Imports an official stylesheet and overrides only the mode that writes the {@code location} of a
     * finding, so that both rule sets write the same XPath form with fixed prefixes (see
     * {@link de.ozgkit.einvoice.Finding}). Import precedence makes these templates win; every rule stays
     * as published.
     */
    private static final String LOCATION_WRAPPER = """
            <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:oz="urn:ozgkit:validation"
                exclude-result-prefixes="xs oz">
              <xsl:import href="%s"/>
              <xsl:variable name="oz:ns" as="xs:string*" select="(%s)"/>
              <xsl:function name="oz:step" as="xs:string">
                <xsl:param name="n" as="node()"/>
                <xsl:variable name="uri" select="namespace-uri($n)"/>
                <xsl:variable name="i" select="index-of($oz:ns, $uri)[1]"/>
                <xsl:sequence select="if ($uri = '') then local-name($n)
                    else if (exists($i)) then concat($oz:ns[$i + 1], ':', local-name($n))
                    else concat('*:', local-name($n), '[namespace-uri()=''', $uri, ''']')"/>
              </xsl:function>
              <xsl:template match="node() | @*" mode="schematron-select-full-path" priority="100">
                <xsl:for-each select="ancestor-or-self::*">
                  <xsl:value-of select="concat('/', oz:step(.), '[', 1 + count(preceding-sibling::*[
                      local-name() = local-name(current()) and namespace-uri() = namespace-uri(current())]), ']')"/>
                </xsl:for-each>
                <xsl:if test="self::attribute()">
                  <xsl:value-of select="concat('/@', oz:step(.))"/>
                </xsl:if>
                <xsl:if test="not(ancestor-or-self::*)">/</xsl:if>
              </xsl:template>
            </xsl:stylesheet>
            """;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleSets.class);
    /** Created on first use, so that the schema compilation need not wait for Saxon's start-up. */
    private static final Lazy<Processor> PROCESSOR = new Lazy<>(RuleSets::newProcessor);
    private static final Map<InvoiceSyntax, Lazy<CompiledRules>> RULES = new EnumMap<>(InvoiceSyntax.class);

    static {
        for (InvoiceSyntax s : InvoiceSyntax.values()) {
            RULES.put(s, new Lazy<>(() -> compile(s)));
        }
    }

    private RuleSets() {
    }

    private static Processor newProcessor() {
        Processor processor = new Processor(false);
        // Saxon's optimiser costs about a tenth of the first compilation and buys nothing measurable on
        // these stylesheets (the generated Schematron code is a flat list of tests; checked on invoices of
        // 10 to 3,000 lines), so the first validation in a fresh JVM skips it
        processor.setConfigurationProperty(Feature.OPTIMIZATION_LEVEL, "0");
        // the published stylesheets draw a few style warnings (SXWN9032) at compile time; they are not
        // the user's concern, so Saxon's default reporter, which prints to stderr, keeps quiet about them
        processor.getUnderlyingConfiguration().setErrorReporterFactory(config -> error -> LOG.debug(
                "Saxon: {}", error.getMessage()));
        processor.getUnderlyingConfiguration().setLogger(new net.sf.saxon.lib.Logger() {
            @Override
            public void println(String message, int severity) {
                LOG.debug("Saxon: {}", message);
            }
        });
        return processor;
    }

    /** @return the Saxon processor the rule sets were compiled with (thread-safe) */
    static Processor processor() {
        return PROCESSOR.get();
    }

    /**
     * @param syntax a syntax
     * @return its compiled rules, compiling them first if this is the first call
     * @throws EInvoiceValidationException if a rule set is missing or does not compile
     */
    static CompiledRules forSyntax(InvoiceSyntax syntax) {
        return RULES.get(syntax).get();
    }

    /** Starts compiling the rules of every syntax on a background thread and returns at once. */
    static void preload() {
        Thread t = new Thread(() -> {
            for (InvoiceSyntax s : InvoiceSyntax.values()) {
                try {
                    forSyntax(s);
                } catch (RuntimeException e) {
                    // reported to the caller of the first validation, which compiles again
                    return;
                }
            }
        }, "ozgkit-einvoice-rules-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The compiled rules of one syntax. Immutable and thread-safe. */
    record CompiledRules(InvoiceSyntax syntax, Schema schema, XsltExecutable en16931, XsltExecutable xrechnung) {

        /**
         * The Schematron layers to run for a document, chosen by its XRechnung variant (BT-24).
         *
         * <p>KoSIT's XRechnung Schematron 2.4.0 carries the rules of all three XRechnung 3.0 variants in
         * one stylesheet and tells them apart itself by BT-24 (its variables XR-CIUS-ID,
         * XR-EXTENSION-ID and XR-CVD-ID): the Extension relaxes and adds rules (BR-DEX-*), the CVD
         * variant adds the Clean Vehicles rules. So every variant runs the EN 16931 rules and then the
         * XRechnung stylesheet; a document without a known identifier runs the same rules, and the
         * XRechnung stylesheet adds the warning BR-DE-21.
         *
         * @param variant the variant, {@code null} when BT-24 names none of XRechnung 3.0's
         * @return the layers in the order they run
         */
        List<Layer> schematrons(XRechnungVariant variant) {
            return List.of(new Layer(ValidationLayer.EN16931, en16931), new Layer(ValidationLayer.XRECHNUNG, xrechnung));
        }
    }

    /** One Schematron layer: which layer it reports as, and its compiled stylesheet. */
    record Layer(ValidationLayer layer, XsltExecutable stylesheet) {
    }

    private static CompiledRules compile(InvoiceSyntax syntax) {
        // three independent compilations: run them side by side to shorten the first validation; the
        // schema goes first because it needs no Saxon, whose start-up the other two share
        CompletableFuture<Schema> schema = async("XML Schema", () -> compileSchema(syntax));
        CompletableFuture<XsltExecutable> en = async("EN 16931",
                () -> compileSchematron(syntax == InvoiceSyntax.UBL ? EN16931_UBL : EN16931_CII));
        XsltExecutable xr = compileSchematron(syntax == InvoiceSyntax.UBL ? XRECHNUNG_UBL : XRECHNUNG_CII);
        try {
            return new CompiledRules(syntax, schema.join(), en.join(), xr);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static <T> CompletableFuture<T> async(String what, Supplier<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(task.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "ozgkit-einvoice-compile-" + what);
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static XsltExecutable compileSchematron(String resource) {
        URL url = resource(resource);
        String official = url.toExternalForm();
        StringBuilder ns = new StringBuilder();
        Namespaces.PREFIXES.forEach((uri, prefix) -> ns.append(ns.length() == 0 ? "" : ", ")
                .append('\'').append(uri).append("', '").append(prefix).append('\''));
        String wrapper = LOCATION_WRAPPER.formatted(official, ns);
        XsltCompiler compiler = processor().newXsltCompiler();
        StringBuilder errors = new StringBuilder();
        compiler.setErrorReporter(error -> {
            // the published stylesheets draw a few style warnings from Saxon; only errors matter
            if (!error.isWarning()) {
                errors.append("; ").append(error.getMessage());
            }
        });
        compiler.setURIResolver((href, base) -> {
            if (!official.equals(href)) {
                throw new TransformerException("refused to load " + href + " while compiling " + resource);
            }
            return open(url);
        });
        try {
            return compiler.compile(new StreamSource(new StringReader(wrapper), "urn:ozgkit:validation:" + resource));
        } catch (SaxonApiException e) {
            throw new EInvoiceValidationException("the rule set " + resource + " does not compile with Saxon-HE "
                    + net.sf.saxon.Version.getProductVersion() + " (" + e.getMessage() + errors
                    + "); use the versions that ozgkit's POM pins", e);
        }
    }

    private static Schema compileSchema(InvoiceSyntax syntax) {
        SchemaFactory factory = SecureXml.schemaFactory("file,jar");
        factory.setResourceResolver(null);
        Source[] sources = syntax == InvoiceSyntax.UBL
                ? new Source[] {open(resource(UBL_INVOICE_XSD)), open(resource(UBL_CREDIT_NOTE_XSD))}
                : new Source[] {open(resource(CII_XSD))};
        try {
            return factory.newSchema(sources);
        } catch (SAXException e) {
            throw new EInvoiceValidationException("the XML Schema of " + syntax + " does not compile: " + e.getMessage()
                    + "; use the versions that ozgkit's POM pins", e);
        }
    }

    private static StreamSource open(URL url) {
        try {
            InputStream in = url.openStream();
            return new StreamSource(in, url.toExternalForm());
        } catch (IOException e) {
            throw new EInvoiceValidationException("cannot read the rule set resource " + url + ": " + e.getMessage(), e);
        }
    }

    private static URL resource(String name) {
        URL url = RuleSets.class.getClassLoader().getResource(name);
        if (url == null) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            url = context == null ? null : context.getResource(name);
        }
        if (url == null) {
            throw new EInvoiceValidationException("the rule set resource " + name + " is not on the class path; add "
                    + (name.startsWith("external/") ? "com.helger.cii:ph-cii-d16b" : "org.mustangproject:validator")
                    + " in the version ozgkit's POM pins (on the module path, resolve its module too)", null);
        }
        return url;
    }
}
