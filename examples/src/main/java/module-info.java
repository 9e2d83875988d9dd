/**
 * Runnable reference integrations, each end to end against the sandbox.
 */
module de.ozgkit.examples {
    requires de.ozgkit.core;
    requires de.ozgkit.sandbox;

    // exports de.ozgkit.examples; (comes with the first example)
}
