/**
 * OSCI-style secure messaging: double-envelope messages signed and encrypted for the reader, signed usage data for the intermediary, mailbox semantics and process cards.
 *
 * <p>The content of this package comes with its own issue; for now it holds the module's place in
 * the build.
 */
package de.ozgkit.messaging;
