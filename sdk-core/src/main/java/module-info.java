/**
 * ozgkit core: client configuration, HTTP transport, retries, the exception hierarchy,
 * hardened XML, key material and certificate validation, identifiers and money.
 *
 * <p>The {@code internal} package is exported only to ozgkit's own modules; it is not API.
 *
 * <p>Jakarta XML Binding (for {@code SecureXml}'s JAXB methods) and Bouncy Castle (for reading PEM
 * private keys) are optional: a module that uses those features requires them itself, so that a
 * client that does not (such as the payment client) does not carry them.
 */
module de.ozgkit.core {
    requires org.slf4j;
    requires transitive java.xml;
    // SecureJaxb uses JAXB types: a module calling it requires jakarta.xml.bind itself (SecureXml needs only the JDK)
    requires static jakarta.xml.bind;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires com.fasterxml.jackson.databind;
    requires static org.bouncycastle.provider;
    requires static org.bouncycastle.pkix;
    requires static org.bouncycastle.util;

    exports de.ozgkit.core;
    exports de.ozgkit.core.http;
    exports de.ozgkit.core.xml;
    exports de.ozgkit.core.security;
    exports de.ozgkit.core.id;
    exports de.ozgkit.core.money;
    exports de.ozgkit.core.internal to
            de.ozgkit.payment,
            de.ozgkit.fitconnect,
            de.ozgkit.messaging,
            de.ozgkit.account,
            de.ozgkit.sandbox,
            de.ozgkit.directory;
}
