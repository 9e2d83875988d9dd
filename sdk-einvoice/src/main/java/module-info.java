/**
 * ozgkit einvoice: E-invoicing: the EN 16931 invoice model, XRechnung 3.0 writers and readers for UBL 2.1 and CII D16B, validation against the official rule sets, ZUGFeRD/Factur-X, delivery to the invoice portals.
 */
module de.ozgkit.einvoice {
    requires transitive de.ozgkit.core;
    // Mustang (in the engine) reads ZUGFeRD XML with JAXB; core declares JAXB optional, so this module
    // brings it and resolves it on the module path
    requires jakarta.xml.bind;
    // Saxon-HE (which runs the official rule sets), Mustang's validator jar (the rule sets) and Mustang's
    // library (ZUGFeRD / Factur-X) have no module name: only the engine touches them, an automatic module
    // named in its manifest, which reads them
    requires de.ozgkit.einvoice.engine;
    // the full CII D16B schema (an automatic module named in its manifest, read for resources only)
    requires com.helger.cii.d16b;
    // reading ZUGFeRD / Factur-X PDFs
    requires org.apache.pdfbox;
    requires org.apache.pdfbox.io;
    // PDFBox logs through Commons Logging; PDFBox is an automatic module, which cannot say so, and Commons
    // Logging is an explicit module, which is resolved on the module path only when a module requires it
    requires org.apache.commons.logging;
    // delivery by e-mail (no Jakarta Mail type appears in the exported API)
    requires jakarta.mail;
    requires org.eclipse.angus.mail;

    exports de.ozgkit.einvoice;
    exports de.ozgkit.einvoice.model;
    exports de.ozgkit.einvoice.pdf;
    exports de.ozgkit.einvoice.delivery;
}
