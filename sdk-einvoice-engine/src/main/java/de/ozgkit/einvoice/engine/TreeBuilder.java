package de.ozgkit.einvoice.engine;

import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.SaxonApiException;
import org.xml.sax.ContentHandler;

/**
 * Builds one document tree from SAX events, for {@link Stylesheet#run}. Not thread-safe: one document,
 * one thread.
 */
public final class TreeBuilder {

    private final BuildingContentHandler handler;

    TreeBuilder(BuildingContentHandler handler) {
        this.handler = handler;
    }

    /** @return the handler to send the document's SAX events to, from {@code startDocument} to {@code endDocument} */
    public ContentHandler handler() {
        return handler;
    }

    /**
     * @return the tree, after the handler has seen the whole document
     * @throws EngineException if the document was incomplete
     */
    public Tree tree() throws EngineException {
        try {
            return new Tree(handler.getDocumentNode());
        } catch (SaxonApiException | RuntimeException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }
}
