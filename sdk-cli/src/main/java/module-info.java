/**
 * The {@code ozgkit} command line tool: Leitweg-ID checks, the sandbox, the demo.
 */
module de.ozgkit.cli {
    requires de.ozgkit.core;
    requires de.ozgkit.sandbox;
    requires de.ozgkit.payment;
    requires info.picocli;

    opens de.ozgkit.cli to info.picocli;
}
