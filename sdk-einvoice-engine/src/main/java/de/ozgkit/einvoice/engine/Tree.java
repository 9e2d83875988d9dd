package de.ozgkit.einvoice.engine;

import net.sf.saxon.s9api.XdmNode;

/** A document as Saxon holds it, made by a {@link TreeBuilder}. Immutable and thread-safe. */
public final class Tree {

    private final XdmNode document;

    Tree(XdmNode document) {
        this.document = document;
    }

    XdmNode node() {
        return document;
    }
}
