/**
 * ozgkit sandbox: local simulators of the OZG base services on loopback, speaking the real
 * protocols over real HTTP(S), with fault injection for tests.
 *
 * <p>{@code de.ozgkit.sandbox} holds the server ({@link de.ozgkit.sandbox.Sandbox}), the service
 * SPI and fault injection; {@code de.ozgkit.sandbox.http} the small routing layer simulators are
 * written with. The {@code internal} package is not API.
 */
module de.ozgkit.sandbox {
    requires transitive de.ozgkit.core;
    requires transitive com.fasterxml.jackson.databind;
    requires de.ozgkit.testkit;
    requires de.ozgkit.einvoice;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires org.slf4j;

    exports de.ozgkit.sandbox;
    exports de.ozgkit.sandbox.http;
    exports de.ozgkit.sandbox.payment;
    exports de.ozgkit.sandbox.einvoice;
    exports de.ozgkit.sandbox.directory;
}
