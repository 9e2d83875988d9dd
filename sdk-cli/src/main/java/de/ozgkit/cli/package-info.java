/**
 * The {@code ozgkit} command.
 */
package de.ozgkit.cli;
