/**
 * ozgkit sandbox: local simulators of the OZG base services on loopback, speaking the real
 * protocols over real HTTP(S), with fault injection for tests.
 */
module de.ozgkit.sandbox {
    requires transitive de.ozgkit.core;
    requires transitive com.fasterxml.jackson.databind;
    requires de.ozgkit.testkit;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;

    // exports de.ozgkit.sandbox; (comes with the sandbox server)
}
