/**
 * JMH benchmarks of ozgkit, side by side with the libraries users would otherwise pick.
 */
module de.ozgkit.benchmarks {
    requires de.ozgkit.core;
    requires jmh.core;

    // exports de.ozgkit.benchmarks; (comes with the first benchmark)
}
