package de.ozgkit.einvoice.engine;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import javax.xml.transform.TransformerException;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import org.xml.sax.ContentHandler;

/** A compiled stylesheet, made by {@link Stylesheets#compile}. Immutable and thread-safe: run it on any thread. */
public final class Stylesheet {

    private final XsltExecutable executable;
    private final Map<String, XdmNode> documents;

    Stylesheet(XsltExecutable executable, Map<String, XdmNode> documents) {
        this.executable = executable;
        this.documents = documents;
    }

    /**
     * Runs the stylesheet on a document and sends its result to a SAX handler. The stylesheet may read
     * only the code list given at compilation; its {@code xsl:message} output is dropped.
     *
     * @param document the document
     * @param out      receives the result (for a Schematron stylesheet, the SVRL report)
     * @throws StylesheetAbort if the stylesheet stopped with a dynamic error; what {@code out} received
     *                         until then stands
     */
    public void run(Tree document, ContentHandler out) throws StylesheetAbort {
        XsltTransformer t = executable.load();
        t.setURIResolver((href, base) -> {
            XdmNode doc = documents.get(resolve(href, base));
            if (doc == null) {
                throw new TransformerException("the rule set may not load " + href);
            }
            return doc.asSource();
        });
        t.setMessageHandler(message -> {
            // xsl:message output of the rule sets is not part of the report
        });
        t.setInitialContextNode(document.node());
        t.setDestination(new SAXDestination(out));
        try {
            t.transform();
        } catch (SaxonApiException e) {
            throw StylesheetAbort.of(e);
        } catch (RuntimeException e) {
            throw new StylesheetAbort(String.valueOf(e), "", null, null, java.util.List.of(), e);
        }
    }

    private static String resolve(String href, String base) {
        try {
            return base == null ? href : new URL(new URL(base), href).toExternalForm();
        } catch (MalformedURLException e) {
            return href;
        }
    }
}
