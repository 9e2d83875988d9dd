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
    requires de.ozgkit.directory;
    requires de.ozgkit.sandbox;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires com.fasterxml.jackson.databind;
    requires jdk.management;

    exports de.ozgkit.benchmarks;
}
