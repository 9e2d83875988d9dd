/**
 * Reference integrations: each example runs end to end against the embedded sandbox and shows
 * one step of a typical Fachverfahren integration.
 */
package de.ozgkit.examples;
