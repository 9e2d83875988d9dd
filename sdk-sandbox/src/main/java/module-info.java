/**
 * ozgkit sandbox: local simulators of the OZG base services on loopback, speaking the real
 * protocols over real HTTP(S), with fault injection for tests.
 *
 * <p>{@code de.ozgkit.sandbox} holds the server ({@link de.ozgkit.sandbox.Sandbox}), the service
 * SPI and fault injection. Simulators declare their routes on Jetty 12's own
 * {@code PathMappingsHandler} with URI templates and plain Jetty handlers (Jetty's types are part
 * of the SPI, hence the transitive requires); {@code de.ozgkit.sandbox.http} adds the few helpers
 * Jetty lacks. The {@code internal} package is not API.
 */
module de.ozgkit.sandbox {
    requires transitive de.ozgkit.core;
    requires transitive com.fasterxml.jackson.databind;
    requires de.ozgkit.testkit;
    // an automatic module named in its manifest: it isolates GreenMail, whose jar has no module name
    requires de.ozgkit.testkit.mail;
    requires jakarta.mail;
    // the invoice portal's API takes an EInvoiceValidator and gives ValidationReports
    requires transitive de.ozgkit.einvoice;
    requires de.ozgkit.messaging;
    requires transitive org.eclipse.jetty.server;
    requires transitive org.eclipse.jetty.http;
    requires transitive org.eclipse.jetty.io;
    requires transitive org.eclipse.jetty.util;
    requires org.slf4j;
    requires java.xml.crypto;
    requires com.nimbusds.jose.jwt;

    exports de.ozgkit.sandbox;
    exports de.ozgkit.sandbox.http;
    exports de.ozgkit.sandbox.payment;
    exports de.ozgkit.sandbox.einvoice;
    exports de.ozgkit.sandbox.osci;
    exports de.ozgkit.sandbox.account;
    exports de.ozgkit.sandbox.postfach;
    exports de.ozgkit.sandbox.fitconnect;
    exports de.ozgkit.sandbox.directory;
}
