/**
 * The {@code ozgkit} command.
 *
 * <pre>
 * ozgkit leitweg-id check 991-33333TEST-33 04011000-1234512345-06
 * ozgkit leitweg-id complete 991-33333TEST
 * ozgkit einvoice validate [--json] FILE...
 * ozgkit einvoice convert --to ubl|cii IN OUT
 * ozgkit einvoice show FILE [--json]
 * ozgkit einvoice pdf --xml IN.xml --pdf IN.pdf --out OUT.pdf
 * ozgkit einvoice extract IN.pdf OUT.xml
 * ozgkit sandbox [--port N] [--tls [--ca-cert FILE]]
 * ozgkit demo [--tls]
 * ozgkit --version
 * </pre>
 *
 * <p>Exit codes: {@code 0} success, {@code 1} a negative answer (an invalid id or invoice, a
 * failed demo step), {@code 2} a usage or I/O error, with a one-line reason on standard error.
 */
package de.ozgkit.cli;
