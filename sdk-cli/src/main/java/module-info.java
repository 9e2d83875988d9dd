/**
 * The {@code ozgkit} command line tool.
 */
module de.ozgkit.cli {
    requires de.ozgkit.core;
    requires de.ozgkit.sandbox;
    requires info.picocli;

    // opens de.ozgkit.cli to info.picocli; (comes with the commands)
}
