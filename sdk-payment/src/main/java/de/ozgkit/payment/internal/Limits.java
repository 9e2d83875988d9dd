package de.ozgkit.payment.internal;

import de.ozgkit.payment.InvalidPaymentFieldException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The field rules of XBezahldienste 1.0.0 as the client checks them before sending. Every check
 * throws {@link InvalidPaymentFieldException} naming the field, the rule and the actual value.
 *
 * <p>The patterns are those of the standard's OpenAPI description; {@code \w} there means the ASCII
 * word characters {@code [A-Za-z0-9_]}, exactly as Java reads it without
 * {@link Pattern#UNICODE_CHARACTER_CLASS}.
 */
public final class Limits {

    /** Identifiers ({@code requestId}, {@code originatorId}, {@code endPointId}, item {@code id}): {@code ^[\w\d-]+$}. */
    public static final Pattern ID = Pattern.compile("[\\w-]+");
    /** {@code purpose}: {@code ^[\w\d\s-]+$}. */
    public static final Pattern PURPOSE = Pattern.compile("[\\w\\s-]+");
    /** {@code description}: {@code ^[\w\d\s-,\.\u00C0-\u017F]+$}. */
    public static final Pattern DESCRIPTION = Pattern.compile("[\\w\\s\\-,.\\u00C0-\\u017F]+");

    /** Readable forms of the patterns for messages. */
    public static final String ID_RULE = "must match ^[\\w\\d-]+$ (ASCII letters, digits, '_' and '-')";
    /** Readable form of {@link #PURPOSE}. */
    public static final String PURPOSE_RULE = "must match ^[\\w\\d\\s-]+$ (ASCII letters, digits, '_', '-' and white space)";
    /** Readable form of {@link #DESCRIPTION}. */
    public static final String DESCRIPTION_RULE = "must match ^[\\w\\d\\s-,\\.\\u00C0-\\u017F]+$ (ASCII letters, digits,"
            + " '_', '-', ',', '.', white space and the letters U+00C0 to U+017F)";

    /** Largest amount ({@code grosAmount} and item amounts). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999");
    /** Decimal places of amounts (euro cents). */
    public static final int AMOUNT_SCALE = 2;

    private Limits() {
    }

    /**
     * Checks a required text: present, length within bounds, matching the pattern.
     *
     * @param field    the field path
     * @param value    the value
     * @param min      least length
     * @param max      greatest length
     * @param pattern  the pattern, {@code null} for none
     * @param rule     readable form of the pattern
     * @return the value
     */
    public static String text(String field, String value, int min, int max, Pattern pattern, String rule) {
        if (value == null) {
            throw new InvalidPaymentFieldException(field, "is required", "absent");
        }
        return optionalText(field, value, min, max, pattern, rule);
    }

    /**
     * Checks an optional text; {@code null} passes.
     *
     * @param field    the field path
     * @param value    the value or {@code null}
     * @param min      least length when present
     * @param max      greatest length
     * @param pattern  the pattern, {@code null} for none
     * @param rule     readable form of the pattern
     * @return the value
     */
    public static String optionalText(String field, String value, int min, int max, Pattern pattern, String rule) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw new InvalidPaymentFieldException(field, min == 1 ? "must not be empty"
                    : "must be at least " + min + " characters", length + " characters");
        }
        if (length > max) {
            throw new InvalidPaymentFieldException(field, "must be at most " + max + " characters", length + " characters");
        }
        if (pattern != null && !matches(pattern, value)) {
            throw new InvalidPaymentFieldException(field, rule, describeMismatch(value, pattern));
        }
        return value;
    }

    /**
     * Checks a free text without a pattern from the standard: not blank, no control characters,
     * at most {@code max} characters.
     *
     * @param field the field path
     * @param value the value or {@code null}
     * @param max   greatest length
     * @return the value
     */
    public static String plainText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidPaymentFieldException(field, "must not be blank", "a blank text");
        }
        optionalText(field, value, 1, max, null, null);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidPaymentFieldException(field, "must not contain control characters",
                        "a text with control character U+" + hex(value.charAt(i)) + " at position " + (i + 1));
            }
        }
        return value;
    }

    /**
     * Whether the whole value matches one of the standard's patterns. The three patterns are
     * character classes repeated, so a loop over the characters decides (what every request and
     * every echoed request pays for); any other pattern goes to the regex engine.
     */
    static boolean matches(Pattern pattern, String value) {
        if (value.isEmpty()) {
            return false;
        }
        boolean space = pattern == PURPOSE || pattern == DESCRIPTION;
        boolean description = pattern == DESCRIPTION;
        if (pattern != ID && !space) {
            return pattern.matcher(value).matches();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || space && (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r')
                    || description && (c == ',' || c == '.' || c >= '\u00C0' && c <= '\u017F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String describeMismatch(String value, Pattern pattern) {
        int offset = 0;
        while (offset < value.length()) {
            int cp = value.codePointAt(offset);
            if (!pattern.matcher(new String(Character.toChars(cp))).matches()) {
                int position = value.codePointCount(0, offset) + 1;
                String shown = Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != ' '
                        ? "U+" + hex(cp) : "'" + new String(Character.toChars(cp)) + "' (U+" + hex(cp) + ")";
                return "a text with " + shown + " at position " + position;
            }
            offset += Character.charCount(cp);
        }
        return "a text that does not match";
    }

    private static String hex(int cp) {
        return String.format(Locale.ROOT, "%04X", cp);
    }

    /**
     * Checks an amount: present, at most two decimal places, between {@code min} and
     * {@link #MAX_AMOUNT}; returns it with exactly two decimal places.
     *
     * @param field       the field path
     * @param value       the amount
     * @param minExclusive whether the amount must be above zero (otherwise zero is allowed)
     * @return the amount with scale 2
     */
    public static BigDecimal amount(String field, BigDecimal value, boolean minExclusive) {
        if (value == null) {
            throw new InvalidPaymentFieldException(field, "is required", "absent");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > AMOUNT_SCALE) {
            throw new InvalidPaymentFieldException(field, "must have at most 2 decimal places (euro cents)",
                    value.toPlainString());
        }
        if (minExclusive ? value.signum() <= 0 : value.signum() < 0) {
            throw new InvalidPaymentFieldException(field, minExclusive ? "must be greater than 0" : "must not be negative",
                    value.toPlainString());
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidPaymentFieldException(field, "must be at most 999999", value.toPlainString());
        }
        return value.setScale(AMOUNT_SCALE);
    }

    /**
     * Checks a URL: present, 1..2082 characters, an absolute http or https URI.
     *
     * @param field the field path
     * @param value the URL
     * @return the URL
     */
    public static String url(String field, String value) {
        text(field, value, 1, 2082, null, null);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new InvalidPaymentFieldException(field, "must be an absolute http or https URL",
                        "a URL with scheme \"" + scheme + "\"" + (uri.getHost() == null ? " and no host" : ""));
            }
        } catch (URISyntaxException e) {
            throw new InvalidPaymentFieldException(field, "must be a valid URL",
                    "a text that is not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        return value;
    }

    /** Longest transaction id the client sends back to the provider (the standard allows 44; providers exceed it). */
    public static final int MAX_TRANSACTION_ID = 256;

    /**
     * Checks a transaction id before it is sent back to the provider: 1..{@value #MAX_TRANSACTION_ID}
     * characters, no control characters, not dots only (which would change the request path).
     *
     * @param field the field path
     * @param value the id
     * @return the id
     */
    public static String transactionId(String field, String value) {
        if (value == null) {
            throw new InvalidPaymentFieldException(field, "is required", "absent");
        }
        plainText(field, value, MAX_TRANSACTION_ID);
        if (value.chars().allMatch(c -> c == '.')) {
            throw new InvalidPaymentFieldException(field, "must not consist of dots only (it is a path segment)",
                    "\"" + value + "\"");
        }
        return value;
    }
}
