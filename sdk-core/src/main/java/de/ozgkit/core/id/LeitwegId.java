package de.ozgkit.core.id;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * Leitweg-ID: the routing id of a German public buyer, carried as Buyer reference (BT-10) of an
 * XRechnung and as Peppol participant id under scheme 0204.
 *
 * <p>Format: {@code coarse[-fine]-check}. The coarse part (Grobadressierung) has 2 to 12 characters,
 * the optional fine part (Feinadressierung) 1 to 30 characters, both of {@code [0-9A-Z]}; the check
 * part (Prüfziffer) has 2 digits. The check digits follow ISO/IEC 7064 MOD 97-10: letters in
 * coarse + fine are replaced by their two-digit values (A=10 ... Z=35), {@code "00"} is appended and
 * the check is {@code 98 - (n mod 97)}, zero-padded; a complete id is valid when the numeric string
 * of coarse + fine + check is congruent to 1 modulo 97.
 *
 * <p>Examples: {@code 04011000-1234512345-06}, {@code 991-33333TEST-33}.
 *
 * <pre>{@code
 * LeitwegId id = LeitwegId.parse("991-33333TEST-33");
 * LeitwegId completed = LeitwegId.complete("991", "33333TEST");   // 991-33333TEST-33
 * Optional<String> problem = LeitwegId.check("991-33333TEST-34"); // "check digits must be 33, were 34"
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param coarse the coarse addressing part (2..12 of {@code [0-9A-Z]})
 * @param fine   the fine addressing part (0..30 of {@code [0-9A-Z]}); empty when absent
 * @param check  the two check digits
 */
public record LeitwegId(String coarse, String fine, String check) {

    private static final String KIND = "Leitweg-ID";
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /** Maximum length of the coarse part. */
    public static final int MAX_COARSE = 12;
    /** Maximum length of the fine part. */
    public static final int MAX_FINE = 30;

    /**
     * Validates the parts; use {@link #parse(String)} or {@link #complete(String, String)} to create
     * instances from text.
     *
     * @throws InvalidIdentifierException if a part breaks the format or the check digits are wrong
     */
    public LeitwegId {
        Objects.requireNonNull(coarse, "coarse");
        fine = fine == null ? "" : fine;
        Objects.requireNonNull(check, "check");
        checkPart("coarse part", coarse, 2, MAX_COARSE);
        if (!fine.isEmpty()) {
            checkPart("fine part", fine, 1, MAX_FINE);
        }
        if (check.length() != 2 || !isDigits(check)) {
            throw new InvalidIdentifierException(KIND, "check part must be exactly 2 digits, was \"" + check + "\"");
        }
        String expected = checkDigits(coarse, fine);
        if (!expected.equals(check)) {
            throw new InvalidIdentifierException(KIND, "check digits must be " + expected + ", were " + check);
        }
    }

    /**
     * Parses a complete Leitweg-ID such as {@code 991-33333TEST-33}.
     *
     * @param text the id; surrounding white space is not accepted
     * @return the id
     * @throws InvalidIdentifierException if the text is not a valid Leitweg-ID; the message says which
     *                                    rule failed
     */
    public static LeitwegId parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidIdentifierException(KIND, "must not be empty");
        }
        String[] parts = text.split("-", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidIdentifierException(KIND,
                    "must have the form coarse-check or coarse-fine-check (2 or 3 parts separated by '-'), had "
                            + parts.length + " part" + (parts.length == 1 ? "" : "s"));
        }
        if (parts.length == 3 && parts[1].isEmpty()) {
            throw new InvalidIdentifierException(KIND, "fine part must not be empty; leave out the fine part and its '-' instead");
        }
        return parts.length == 2 ? new LeitwegId(parts[0], "", parts[1]) : new LeitwegId(parts[0], parts[1], parts[2]);
    }

    /**
     * Checks a text without throwing.
     *
     * @param text the candidate id
     * @return empty when valid, else the reason it is invalid (without the word "Leitweg-ID")
     */
    public static Optional<String> check(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (InvalidIdentifierException e) {
            return Optional.of(e.reason());
        }
    }

    /**
     * Whether the text is a valid Leitweg-ID.
     *
     * @param text the candidate id
     * @return {@code true} when {@link #parse(String)} would accept it
     */
    public static boolean isValid(String text) {
        return check(text).isEmpty();
    }

    /**
     * Completes a coarse/fine pair with its check digits.
     *
     * @param coarse the coarse part (2..12 of {@code [0-9A-Z]})
     * @param fine   the fine part (0..30 of {@code [0-9A-Z]}), empty or {@code null} when absent
     * @return the complete id
     * @throws InvalidIdentifierException if a part breaks the format
     */
    public static LeitwegId complete(String coarse, String fine) {
        Objects.requireNonNull(coarse, "coarse");
        String f = fine == null ? "" : fine;
        checkPart("coarse part", coarse, 2, MAX_COARSE);
        if (!f.isEmpty()) {
            checkPart("fine part", f, 1, MAX_FINE);
        }
        return new LeitwegId(coarse, f, checkDigits(coarse, f));
    }

    /**
     * Completes text of the form {@code COARSE} or {@code COARSE-FINE} with its check digits.
     *
     * @param coarseAndFine e.g. {@code "991-33333TEST"}
     * @return the complete id, e.g. {@code 991-33333TEST-33}
     * @throws InvalidIdentifierException if the text has more than two parts or a part breaks the format
     */
    public static LeitwegId complete(String coarseAndFine) {
        if (coarseAndFine == null || coarseAndFine.isEmpty()) {
            throw new InvalidIdentifierException(KIND, "must not be empty");
        }
        String[] parts = coarseAndFine.split("-", -1);
        if (parts.length > 2) {
            throw new InvalidIdentifierException(KIND,
                    "to complete, give COARSE or COARSE-FINE (at most 2 parts), had " + parts.length + " parts");
        }
        if (parts.length == 2 && parts[1].isEmpty()) {
            throw new InvalidIdentifierException(KIND, "fine part must not be empty; leave out the '-' instead");
        }
        return complete(parts[0], parts.length == 2 ? parts[1] : "");
    }

    /**
     * Computes the ISO/IEC 7064 MOD 97-10 check digits for a coarse/fine pair (no format checks).
     *
     * @param coarse the coarse part
     * @param fine   the fine part, may be empty
     * @return two digits
     */
    static String checkDigits(String coarse, String fine) {
        BigInteger n = new BigInteger(numeric(coarse + fine) + "00");
        int check = 98 - n.mod(NINETY_SEVEN).intValue();
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    private static String numeric(String alphanumeric) {
        StringBuilder sb = new StringBuilder(alphanumeric.length() * 2);
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                sb.append(c - 'A' + 10);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void checkPart(String name, String value, int min, int max) {
        if (value.isEmpty()) {
            throw new InvalidIdentifierException(KIND, name + " must not be empty");
        }
        if (value.length() < min || value.length() > max) {
            throw new InvalidIdentifierException(KIND, name + " must have " + min + " to " + max
                    + " characters, had " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                throw new InvalidIdentifierException(KIND, name + " must use upper-case letters only, found '"
                        + c + "' at position " + (i + 1) + " (write \"" + value.toUpperCase(java.util.Locale.ROOT) + "\")");
            }
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                throw new InvalidIdentifierException(KIND, name + " may contain only digits and letters A-Z, found '"
                        + printable(c) + "' at position " + (i + 1));
            }
        }
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** @return the id in its canonical text form, e.g. {@code 991-33333TEST-33} */
    @Override
    public String toString() {
        return fine.isEmpty() ? coarse + "-" + check : coarse + "-" + fine + "-" + check;
    }
}
