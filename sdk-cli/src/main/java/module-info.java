/**
 * The {@code ozgkit} command line tool: Leitweg-ID checks, payments, e-invoices (validate, convert,
 * show, ZUGFeRD PDF), the sandbox, the demo.
 */
module de.ozgkit.cli {
    requires de.ozgkit.core;
    requires de.ozgkit.sandbox;
    requires de.ozgkit.payment;
    requires de.ozgkit.einvoice;
    requires de.ozgkit.messaging;
    requires de.ozgkit.testkit;
    requires de.ozgkit.account;
    requires de.ozgkit.directory;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;

    // picocli instantiates the commands; Jackson writes the JSON records of InvoiceJson
    opens de.ozgkit.cli to info.picocli, com.fasterxml.jackson.databind;
}
