/**
 * JMH benchmarks. Run them with {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package de.ozgkit.benchmarks;
