/**
 * ozgkit messaging: OSCI-Transport 1.2 on the wire, interoperable with the OSCI library that
 * German administrations use: signed and encrypted content containers, signed requests and answers,
 * transport encryption, dialogs and process cards.
 *
 * <p>The {@code internal} package is exported only to ozgkit's sandbox and command line tool.
 */
module de.ozgkit.messaging {
    requires transitive de.ozgkit.core;
    requires java.xml.crypto;
    requires jakarta.mail;
    requires org.bouncycastle.provider;
    requires org.slf4j;

    exports de.ozgkit.messaging;
    exports de.ozgkit.messaging.internal to de.ozgkit.sandbox, de.ozgkit.cli, de.ozgkit.benchmarks;
}
