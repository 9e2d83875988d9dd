/**
 * Implementation of the invoice model's arithmetic and rules and of the XML writers and readers.
 * Not API: not exported by the module.
 */
package de.ozgkit.einvoice.internal;
