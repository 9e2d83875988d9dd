/**
 * JMH benchmarks of ozgkit, side by side with the libraries users would otherwise pick.
 */
module de.ozgkit.benchmarks {
    requires de.ozgkit.core;
    requires de.ozgkit.einvoice;
    requires jmh.core;
    requires validator;
    // Mustang's library jar (automatic module named after the file) for the write and read comparisons
    requires library;
    requires de.ozgkit.payment;
    requires de.ozgkit.sandbox;
    requires de.ozgkit.messaging;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires com.fasterxml.jackson.databind;
    requires jdk.management;
    requires de.ozgkit.account;
    requires de.ozgkit.testkit;
    requires org.apache.santuario.xmlsec;
    requires java.xml.crypto;
    requires de.ozgkit.fitconnect;
    requires com.nimbusds.jose.jwt;

    exports de.ozgkit.benchmarks;
}
