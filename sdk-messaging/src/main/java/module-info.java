/**
 * ozgkit messaging: OSCI-style secure messaging: double-envelope messages signed and encrypted for the reader, signed usage data for the intermediary, mailbox semantics and process cards.
 */
module de.ozgkit.messaging {
    requires transitive de.ozgkit.core;

    exports de.ozgkit.messaging;
}
