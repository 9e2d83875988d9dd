/**
 * The {@code ozgkit} command.
 *
 * <pre>
 * ozgkit leitweg-id check 991-33333TEST-33 04011000-1234512345-06
 * ozgkit leitweg-id complete 991-33333TEST
 * ozgkit sandbox [--port N] [--tls [--ca-cert FILE]]
 * ozgkit demo [--tls]
 * ozgkit --version
 * </pre>
 *
 * <p>Exit codes: {@code 0} success, {@code 1} a negative answer (an invalid id, a failed demo
 * step), {@code 2} a usage or I/O error, with a one-line reason on standard error.
 */
package de.ozgkit.cli;
