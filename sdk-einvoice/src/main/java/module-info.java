/**
 * ozgkit einvoice: E-invoicing: the EN 16931 invoice model, XRechnung 3.0 writers and readers for UBL 2.1 and CII D16B, validation against the official rule sets, ZUGFeRD/Factur-X, delivery to the invoice portals.
 */
module de.ozgkit.einvoice {
    requires transitive de.ozgkit.core;
    requires org.slf4j;
    // core's SecureXml links against the JAXB API (core declares it optional; Mustang brings the jar)
    requires jakarta.xml.bind;
    // validation: Saxon-HE runs the official rule sets; their resources come from Mustang's
    // validator jar and ph-cii-d16b (automatic modules, read for resources only)
    requires Saxon.HE;
    requires validator;
    requires com.helger.cii.d16b;
    // ZUGFeRD / Factur-X: Mustang's jar has no module name of its own; "library" is derived from
    // its file name
    requires library;
    requires org.apache.pdfbox;
    requires org.apache.pdfbox.io;
    // delivery by e-mail (no Jakarta Mail type appears in the exported API)
    requires jakarta.mail;
    requires org.eclipse.angus.mail;

    exports de.ozgkit.einvoice;
    exports de.ozgkit.einvoice.model;
    exports de.ozgkit.einvoice.pdf;
    exports de.ozgkit.einvoice.delivery;
    // the writers on the JDK's XMLStreamWriter, measured beside ozgkit's own XML writer
    exports de.ozgkit.einvoice.internal.xml to de.ozgkit.benchmarks;
}
