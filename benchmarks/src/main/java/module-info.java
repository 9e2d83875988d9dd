/**
 * JMH benchmarks of ozgkit, side by side with the libraries users would otherwise pick.
 */
module de.ozgkit.benchmarks {
    requires de.ozgkit.core;
    requires de.ozgkit.einvoice;
    requires jmh.core;
    requires validator;

    exports de.ozgkit.benchmarks;
}
