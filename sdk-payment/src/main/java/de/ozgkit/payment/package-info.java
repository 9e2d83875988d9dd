/**
 * XBezahldienste 1.0.0 payment client: create a payment, send the citizen to the paypage, poll until a final status.
 *
 * <p>The content of this package comes with its own issue; for now it holds the module's place in
 * the build.
 */
package de.ozgkit.payment;
