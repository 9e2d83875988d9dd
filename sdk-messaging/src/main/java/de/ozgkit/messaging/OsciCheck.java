package de.ozgkit.messaging;

/**
 * The check of an OSCI message that failed, carried by every {@link OsciException} so that a caller
 * (and a test) can tell which protection caught a damaged or hostile message.
 */
public enum OsciCheck {
    /** The message is not a well-formed OSCI message: MIME structure, XML, schema shape, DTDs. */
    STRUCTURE,
    /** The message or one of its parts is larger than the configured limit. */
    SIZE,
    /** The transport envelope (encryption of the whole message) could not be opened. */
    TRANSPORT_DECRYPTION,
    /** The originator's or intermediary's signature over the message is invalid or missing. */
    MESSAGE_SIGNATURE,
    /**
     * Not every part of the message is covered by the message signature exactly once, or a signed
     * element was moved, duplicated or replaced (signature wrapping).
     */
    SIGNED_PARTS,
    /** The dialog control block: conversation id, sequence number or challenge response. */
    CONTROL_BLOCK,
    /** A certificate is expired, not yet valid, untrusted or unusable for its purpose. */
    CERTIFICATE,
    /** A content container could not be decrypted (wrong reader, damaged key, IV or ciphertext). */
    CONTENT_DECRYPTION,
    /** An author's signature over a content container or attachment is invalid. */
    CONTENT_SIGNATURE,
    /** An algorithm is refused (3DES, AES-CBC, SHA-1, RSA under 2048 bits) or unknown. */
    ALGORITHM,
    /** The intermediary answered with an OSCI error code. */
    FEEDBACK,
    /** A delivery or dialog is not in the state the operation needs. */
    STATE,
    /**
     * A local file could not be written or read: the private spool a message or decrypted content
     * passes through, or a file the caller named (disk full, no permission, folder missing).
     */
    LOCAL_STORAGE
}
