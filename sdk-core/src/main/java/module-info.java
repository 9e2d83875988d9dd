/**
 * ozgkit core: client configuration, HTTP transport, retries, the exception hierarchy,
 * hardened XML, key material and certificate validation, identifiers and money.
 *
 * <p>The {@code internal} package is exported only to ozgkit's own modules; it is not API.
 */
module de.ozgkit.core {
    requires transitive org.slf4j;
    requires transitive java.xml;
    requires transitive jakarta.xml.bind;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires com.fasterxml.jackson.databind;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;

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
            de.ozgkit.einvoice,
            de.ozgkit.account,
            de.ozgkit.sandbox,
            de.ozgkit.directory,
            de.ozgkit.cli;
}
