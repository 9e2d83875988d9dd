package de.ozgkit.messaging;

/**
 * The message types of the OSCI-Transport 1.2 model that ozgkit's messaging follows: the requests an
 * originator sends to the intermediary and the intermediary's responses.
 */
public enum OsciMessageType {
    /** Store a delivery in the addressee's mailbox at the intermediary. */
    STORE_DELIVERY("storeDelivery"),
    /** Fetch a stored delivery from one's own mailbox. */
    FETCH_DELIVERY("fetchDelivery"),
    /** The intermediary forwards a delivery to an addressee that is online. */
    FORWARD_DELIVERY("forwardDelivery"),
    /** The addressee accepts a forwarded delivery. */
    ACCEPT_DELIVERY("acceptDelivery"),
    /** The addressee processes a delivery synchronously and answers. */
    PROCESS_DELIVERY("processDelivery"),
    /** A synchronous delivery mediated by the intermediary with the addressee's answer. */
    MEDIATE_DELIVERY("mediateDelivery"),
    /** Fetch the process card (Laufzettel) of a delivery. */
    FETCH_PROCESS_CARD("fetchProcessCard"),
    /** Obtain a fresh message id from the intermediary. */
    GET_MESSAGE_ID("getMessageId"),
    /** Open an explicit dialog. */
    INIT_DIALOG("initDialog"),
    /** Close an explicit dialog. */
    EXIT_DIALOG("exitDialog"),
    /** Store one part of a large delivery. */
    PARTIAL_STORE_DELIVERY("partialStoreDelivery"),
    /** Fetch one part of a large delivery. */
    PARTIAL_FETCH_DELIVERY("partialFetchDelivery");

    private final String code;

    OsciMessageType(String code) {
        this.code = code;
    }

    /** @return the name as OSCI writes it, e.g. {@code "storeDelivery"} */
    public String code() {
        return code;
    }

    /** @return the name of the intermediary's answer, e.g. {@code "responseToStoreDelivery"} */
    public String responseCode() {
        return "responseTo" + Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    /**
     * @param code e.g. {@code "fetchDelivery"}
     * @return the type
     * @throws de.ozgkit.core.UnknownCodeException for an unknown code
     */
    public static OsciMessageType fromCode(String code) {
        return lookup(code).orElseThrow(() -> new de.ozgkit.core.UnknownCodeException("OSCI message type", code,
                java.util.Arrays.stream(values()).map(OsciMessageType::code).toList()));
    }

    /**
     * @param code e.g. {@code "fetchDelivery"}
     * @return the type, empty for an unknown code
     */
    public static java.util.Optional<OsciMessageType> lookup(String code) {
        return java.util.Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
