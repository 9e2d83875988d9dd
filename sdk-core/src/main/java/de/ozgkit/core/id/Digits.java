package de.ozgkit.core.id;

/** Shared checks for the fixed-length numeric keys {@link Ags} and {@link Ars}. */
final class Digits {
    private Digits() {
    }

    static void check(String kind, String value, int length) {
        if (value == null || value.isEmpty()) {
            throw new InvalidIdentifierException(kind, "must not be empty");
        }
        if (value.length() != length) {
            throw new InvalidIdentifierException(kind, "must have exactly " + length + " digits, had "
                    + value.length() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidIdentifierException(kind, "may contain only digits 0-9, found '"
                        + (Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c))
                        + "' at position " + (i + 1));
            }
        }
        int land = Integer.parseInt(value.substring(0, 2));
        if (land > 16) {
            throw new InvalidIdentifierException(kind, "must start with a Land key 01 to 16 (00 for the federal level), was "
                    + value.substring(0, 2));
        }
    }
}
