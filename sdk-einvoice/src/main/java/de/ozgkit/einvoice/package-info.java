/**
 * E-invoicing: the EN 16931 invoice model, XRechnung 3.0 writers and readers for UBL 2.1 and CII D16B, validation against the official rule sets, ZUGFeRD/Factur-X.
 *
 * <p>The content of this package comes with its own issue; for now it holds the module's place in
 * the build.
 */
package de.ozgkit.einvoice;
