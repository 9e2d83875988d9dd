package de.ozgkit.einvoice.internal.validation;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.einvoice.EInvoiceValidationException;
import de.ozgkit.einvoice.InvoiceProfile;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.RuleSet;
import de.ozgkit.einvoice.ValidationLayer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import de.ozgkit.einvoice.engine.EngineException;
import de.ozgkit.einvoice.engine.Stylesheet;
import de.ozgkit.einvoice.engine.Stylesheets;
import org.xml.sax.SAXException;

/**
 * The official rule sets, each compiled once per syntax and JVM, on first use, and shared by every
 * validator; independent compilations run side by side on their own threads.
 *
 * <p>Sources, all read from the class path:
 * <ul>
 *   <li>EN 16931 validation artefacts 1.3.14 (CEN/TC 434), the XRechnung Schematron 2.4.0 (KoSIT, for
 *       XRechnung 3.0.2) and the Factur-X / ZUGFeRD schemas and Schematron of each profile, all as
 *       precompiled XSLT in {@code org.mustangproject:validator};</li>
 *   <li>the OASIS UBL 2.1 schemas, from {@code org.mustangproject:validator};</li>
 *   <li>the UN/CEFACT CII D16B schema, from {@code com.helger.cii:ph-cii-d16b}.</li>
 * </ul>
 * The stylesheets run unchanged; each is imported by a small wrapper that only redefines how
 * finding locations are written (see {@link #LOCATION_WRAPPER}). Saxon-HE, which compiles and runs
 * them, is reached through {@code de.ozgkit.einvoice.engine}.
 */
final class RuleSets {

    static final String EN16931_UBL = "xslt/en16931schematron/EN16931-UBL-validation.xslt";
    static final String EN16931_CII = "xslt/en16931schematron/EN16931-CII-validation.xslt";
    static final String XRECHNUNG_UBL = "xslt/XR_30/XRechnung-UBL-validation.xslt";
    static final String XRECHNUNG_CII = "xslt/XR_30/XRechnung-CII-validation.xslt";
    static final String UBL_INVOICE_XSD = "schema/UBL_21/maindoc/UBL-Invoice-2.1.xsd";
    static final String UBL_CREDIT_NOTE_XSD = "schema/UBL_21/maindoc/UBL-CreditNote-2.1.xsd";
    static final String CII_XSD = "external/schemas/d16b/data/standard/CrossIndustryInvoice_100pD16B.xsd";
    /** Folder of the Factur-X / ZUGFeRD artefacts in Mustang's validator jar. */
    private static final String FACTURX = "ZF_250";

    /**
     * Imports an official stylesheet and overrides only the mode that writes the {@code location} of a
     * finding, so that all rule sets write the same XPath form with fixed prefixes (see
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

    private static final Map<Key, CompletableFuture<Object>> COMPILED = new ConcurrentHashMap<>();

    private RuleSets() {
    }

    /** A rule set in the file for one syntax. */
    private record Key(RuleSet ruleSet, InvoiceSyntax syntax) {
    }

    /**
     * A compiled Schematron stylesheet.
     *
     * @param ruleSet    the rule set
     * @param resource   its class path resource
     * @param stylesheet the compiled stylesheet (thread-safe); it may read only its code list at run time
     */
    record Compiled(RuleSet ruleSet, String resource, Stylesheet stylesheet) {
    }

    /**
     * The rule sets for a profile, in the order they run: the XML Schema first, then the Schematron layers.
     *
     * @param profile the profile named by BT-24, {@code null} when it names none (or none of this syntax)
     * @param syntax  the document's syntax
     * @return the rule sets
     */
    static List<RuleSet> forProfile(InvoiceProfile profile, InvoiceSyntax syntax) {
        RuleSet schema = syntax == InvoiceSyntax.UBL ? RuleSet.UBL_SCHEMA : RuleSet.CII_SCHEMA;
        if (profile == null || !profile.supports(syntax)) {
            return List.of(schema, RuleSet.EN16931);
        }
        return switch (profile) {
            case XRECHNUNG -> List.of(schema, RuleSet.EN16931, RuleSet.XRECHNUNG);
            case EN16931 -> List.of(schema, RuleSet.EN16931);
            case FACTURX_EXTENDED -> List.of(RuleSet.FACTURX_EXTENDED_SCHEMA, RuleSet.FACTURX_EXTENDED);
            case FACTURX_BASIC -> List.of(RuleSet.FACTURX_BASIC_SCHEMA, RuleSet.FACTURX_BASIC);
            case FACTURX_BASIC_WL -> List.of(RuleSet.FACTURX_BASIC_WL_SCHEMA, RuleSet.FACTURX_BASIC_WL);
            case FACTURX_MINIMUM -> List.of(RuleSet.FACTURX_MINIMUM_SCHEMA, RuleSet.FACTURX_MINIMUM);
        };
    }

    /**
     * Starts compiling the given rule sets that are not compiled or compiling yet, each on its own
     * background thread, and returns at once.
     *
     * @param ruleSets rule sets
     * @param syntax   the syntax whose files to compile
     */
    static void prepare(Collection<RuleSet> ruleSets, InvoiceSyntax syntax) {
        for (RuleSet r : ruleSets) {
            future(new Key(r, syntax));
        }
    }

    /** Starts compiling the XRechnung rule sets of both syntaxes in the background and returns at once. */
    static void preload() {
        for (InvoiceSyntax s : InvoiceSyntax.values()) {
            prepare(forProfile(InvoiceProfile.XRECHNUNG, s), s);
        }
    }

    /**
     * @param ruleSet an XML Schema rule set
     * @param syntax  the syntax
     * @return the compiled schema, waiting for its compilation
     * @throws EInvoiceValidationException if the schema is missing or does not compile
     */
    static Schema schema(RuleSet ruleSet, InvoiceSyntax syntax) {
        return (Schema) join(new Key(ruleSet, syntax));
    }

    /**
     * @param ruleSet a Schematron rule set
     * @param syntax  the syntax
     * @return the compiled stylesheet, waiting for its compilation
     * @throws EInvoiceValidationException if the stylesheet is missing or does not compile
     */
    static Compiled stylesheet(RuleSet ruleSet, InvoiceSyntax syntax) {
        return (Compiled) join(new Key(ruleSet, syntax));
    }

    private static Object join(Key key) {
        CompletableFuture<Object> f = future(key);
        try {
            return f.join();
        } catch (CompletionException e) {
            // forget the failure, so that a later validation tries again (and reports the problem again)
            COMPILED.remove(key, f);
            if (e.getCause() instanceof EInvoiceValidationException ve) {
                throw ve;
            }
            throw new EInvoiceValidationException("cannot compile the " + key.ruleSet().title() + ": " + e.getCause(),
                    e.getCause());
        }
    }

    private static CompletableFuture<Object> future(Key key) {
        return COMPILED.computeIfAbsent(key, k -> async(k.ruleSet().name(), () -> compile(k)));
    }

    private static CompletableFuture<Object> async(String what, Supplier<Object> task) {
        CompletableFuture<Object> f = new CompletableFuture<>();
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

    private static Object compile(Key key) {
        RuleSet r = key.ruleSet();
        InvoiceSyntax syntax = key.syntax();
        if (r.layer() == ValidationLayer.XML_SCHEMA) {
            return compileSchema(r, schemaResources(r, syntax));
        }
        String resource = stylesheetResource(r, syntax);
        return compileSchematron(r, resource);
    }

    private static List<String> schemaResources(RuleSet r, InvoiceSyntax syntax) {
        return switch (r) {
            case UBL_SCHEMA -> List.of(UBL_INVOICE_XSD, UBL_CREDIT_NOTE_XSD);
            case CII_SCHEMA -> List.of(CII_XSD);
            case FACTURX_EXTENDED_SCHEMA -> List.of(facturXSchema("EXTENDED", "EXTENDED"));
            case FACTURX_BASIC_SCHEMA -> List.of(facturXSchema("BASIC", "BASIC"));
            case FACTURX_BASIC_WL_SCHEMA -> List.of(facturXSchema("BASIC-WL", "BASICWL"));
            case FACTURX_MINIMUM_SCHEMA -> List.of(facturXSchema("MINIMUM", "MINIMUM"));
            default -> throw new EInvoiceValidationException("rule set " + r + " has no XML Schema; it is checked by a stylesheet", null);
        };
    }

    private static String facturXSchema(String folder, String name) {
        return "schema/" + FACTURX + "/" + folder + "/FACTUR-X_" + name + ".xsd";
    }

    /**
     * @param r      a Schematron rule set
     * @param syntax the syntax
     * @return the class path resource of its stylesheet
     */
    static String stylesheetResource(RuleSet r, InvoiceSyntax syntax) {
        boolean ubl = syntax == InvoiceSyntax.UBL;
        return switch (r) {
            case EN16931 -> ubl ? EN16931_UBL : EN16931_CII;
            case XRECHNUNG -> ubl ? XRECHNUNG_UBL : XRECHNUNG_CII;
            case FACTURX_EXTENDED -> facturXStylesheet("EXTENDED");
            case FACTURX_BASIC -> facturXStylesheet("BASIC");
            case FACTURX_BASIC_WL -> facturXStylesheet("BASIC-WL");
            case FACTURX_MINIMUM -> facturXStylesheet("MINIMUM");
            default -> throw new EInvoiceValidationException("rule set " + r + " has no Schematron stylesheet; it is an XML Schema", null);
        };
    }

    private static String facturXStylesheet(String name) {
        return "xslt/" + FACTURX + "/FACTUR-X_" + name + ".xslt";
    }

    private static Compiled compileSchematron(RuleSet ruleSet, String resource) {
        URL url = resource(resource);
        StringBuilder ns = new StringBuilder();
        Namespaces.PREFIXES.forEach((uri, prefix) -> ns.append(ns.length() == 0 ? "" : ", ")
                .append('\'').append(uri).append("', '").append(prefix).append('\''));
        String wrapper = LOCATION_WRAPPER.formatted(url.toExternalForm(), ns);
        try {
            return new Compiled(ruleSet, resource, Stylesheets.compile(wrapper, "urn:ozgkit:validation:" + resource,
                    url, codeList(resource)));
        } catch (EngineException e) {
            throw new EInvoiceValidationException("the rule set " + resource + " does not compile with Saxon-HE "
                    + Stylesheets.saxonVersion() + " (" + e.getMessage() + "); use the versions that ozgkit's POM pins", e);
        }
    }

    /**
     * The Factur-X stylesheets look their code lists up with {@code document('..._codedb.xml')} beside the
     * stylesheet; it is parsed once with the stylesheet and is the only document a run may load.
     */
    private static URL codeList(String resource) {
        if (!resource.startsWith("xslt/" + FACTURX + "/")) {
            return null;
        }
        return resource(resource.substring(0, resource.length() - ".xslt".length()) + "_codedb.xml");
    }

    private static Schema compileSchema(RuleSet ruleSet, List<String> resources) {
        SchemaFactory factory = SecureXml.schemaFactory("file,jar");
        factory.setResourceResolver(null);
        List<Source> sources = new ArrayList<>();
        for (String r : resources) {
            sources.add(open(resource(r)));
        }
        try {
            return factory.newSchema(sources.toArray(new Source[0]));
        } catch (SAXException e) {
            throw new EInvoiceValidationException("the " + ruleSet.title() + " does not compile: " + e.getMessage()
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

    /**
     * @param name a class path resource
     * @return its URL
     * @throws EInvoiceValidationException if it is not on the class path
     */
    static URL resource(String name) {
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
