package de.ozgkit.core.id;

/**
 * LeiKa key (Leistungsschlüssel): the 14-digit key of a service in the federal service catalogue
 * (Leistungskatalog, FIM Leistungen), e.g. {@code 99050012104000} for registering a trade. Made of
 * the service object (8 digits, federal catalogue keys start with {@code 99}), the action
 * (Verrichtung, 3 digits) and the action detail (3 digits). The PVOG and XZuFi name services
 * by it; FIT-Connect routes submissions by it.
 *
 * <p>Only the form is checked (14 digits); whether a key exists in the catalogue is the
 * catalogue's business. Instances are immutable and thread-safe.
 *
 * @param value the 14 digits
 */
public record LeikaKey(String value) {

    /** Number of digits of a LeiKa key. */
    public static final int LENGTH = 14;

    /**
     * Validates the key.
     *
     * @throws InvalidIdentifierException if the value is not 14 digits
     */
    public LeikaKey {
        if (value == null || value.isEmpty()) {
            throw new InvalidIdentifierException("LeiKa key", "must not be empty");
        }
        if (value.length() != LENGTH) {
            throw new InvalidIdentifierException("LeiKa key", "must have exactly 14 digits, had "
                    + value.length() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidIdentifierException("LeiKa key", "may contain only digits 0-9, found '"
                        + (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSurrogate(c)
                        ? String.format("\\u%04x", (int) c) : String.valueOf(c))
                        + "' at position " + (i + 1));
            }
        }
    }

    /**
     * Parses a LeiKa key.
     *
     * @param text 14 digits, e.g. {@code "99050012104000"}
     * @return the key
     * @throws InvalidIdentifierException if the text is not 14 digits
     */
    public static LeikaKey parse(String text) {
        return new LeikaKey(text);
    }

    /** @return the service object (Leistungsobjekt), the first 8 digits */
    public String serviceObject() {
        return value.substring(0, 8);
    }

    /** @return the action (Verrichtungskennung), digits 9 to 11 */
    public String action() {
        return value.substring(8, 11);
    }

    /** @return the action detail (Verrichtungsdetail), digits 12 to 14 */
    public String actionDetail() {
        return value.substring(11, 14);
    }

    @Override
    public String toString() {
        return value;
    }
}
