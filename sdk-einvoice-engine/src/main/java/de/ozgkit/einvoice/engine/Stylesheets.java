package de.ozgkit.einvoice.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.Map;
import javax.xml.transform.TransformerException;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saxon-HE for the Schematron layers: compiles stylesheets ({@link #compile}) and builds the document
 * trees they run on ({@link #newTree()}), all on one Saxon processor per JVM, created on first use.
 * Thread-safe.
 *
 * <pre>{@code
 * Stylesheet rules = Stylesheets.compile(wrapper, "urn:example:wrapper", officialUrl, null);
 * TreeBuilder builder = Stylesheets.newTree();
 * // feed builder.handler() with the SAX events of one document, then
 * rules.run(builder.tree(), svrlHandler);
 * }</pre>
 */
public final class Stylesheets {

    private static final Logger LOG = LoggerFactory.getLogger(Stylesheets.class);

    private Stylesheets() {
    }

    /** Created on first use, so that work that needs no Saxon (schema compilation) does not wait for it. */
    private static final class Holder {
        static final Processor PROCESSOR = newProcessor();
    }

    private static Processor newProcessor() {
        Processor processor = new Processor(false);
        // Saxon's optimiser costs about a tenth of the first compilation and buys nothing measurable on
        // the Schematron stylesheets (the generated code is a flat list of tests; checked on invoices of
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

    static Processor processor() {
        return Holder.PROCESSOR;
    }

    /** @return the version of Saxon-HE in use, for messages */
    public static String saxonVersion() {
        return net.sf.saxon.Version.getProductVersion();
    }

    /**
     * @return a builder for one document tree
     * @throws EngineException if Saxon cannot make one
     */
    public static TreeBuilder newTree() throws EngineException {
        try {
            return new TreeBuilder(processor().newDocumentBuilder().newBuildingContentHandler());
        } catch (SaxonApiException | RuntimeException e) {
            throw new EngineException("cannot create Saxon's tree builder: " + e.getMessage(), e);
        }
    }

    /**
     * Compiles a stylesheet that imports one official stylesheet (and may load nothing else).
     *
     * @param source   the stylesheet's text
     * @param systemId its system id, for messages
     * @param official the one stylesheet it may import, by its absolute URL as written in {@code source}
     * @param codeList a document the official stylesheet reads with {@code document()} at run time, parsed
     *                 once here; {@code null} when it reads none
     * @return the compiled stylesheet
     * @throws EngineException if it does not compile or a document cannot be read
     */
    public static Stylesheet compile(String source, String systemId, URL official, URL codeList) throws EngineException {
        String officialUri = official.toExternalForm();
        XsltCompiler compiler = processor().newXsltCompiler();
        StringBuilder errors = new StringBuilder();
        compiler.setErrorReporter(error -> {
            // the published stylesheets draw a few style warnings from Saxon; only errors matter
            if (!error.isWarning()) {
                errors.append("; ").append(error.getMessage());
            }
        });
        compiler.setURIResolver((href, base) -> {
            if (!officialUri.equals(href)) {
                throw new TransformerException("refused to load " + href + " while compiling " + systemId);
            }
            return open(official);
        });
        XsltExecutable executable;
        try {
            executable = compiler.compile(new StreamSource(new StringReader(source), systemId));
        } catch (SaxonApiException | RuntimeException e) {
            throw new EngineException(e.getMessage() + errors, e);
        }
        Map<String, XdmNode> documents = Map.of();
        if (codeList != null) {
            try (InputStream in = codeList.openStream()) {
                XdmNode doc = processor().newDocumentBuilder().build(new StreamSource(in, codeList.toExternalForm()));
                documents = Map.of(codeList.toExternalForm(), doc);
            } catch (SaxonApiException | IOException | RuntimeException e) {
                throw new EngineException("cannot read " + codeList + ": " + e.getMessage(), e);
            }
        }
        return new Stylesheet(executable, documents);
    }

    private static StreamSource open(URL url) throws TransformerException {
        try {
            return new StreamSource(url.openStream(), url.toExternalForm());
        } catch (IOException e) {
            throw new TransformerException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }
}
