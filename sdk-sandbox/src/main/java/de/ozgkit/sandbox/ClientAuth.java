package de.ozgkit.sandbox;

/** Whether a TLS sandbox asks clients for a certificate (mutual TLS). */
public enum ClientAuth {
    /** Do not ask for a client certificate. */
    NONE,
    /** Ask for one; connections without a certificate are accepted and services decide. */
    WANT,
    /** Require a certificate the sandbox trusts; refuse the handshake otherwise. */
    NEED
}
