package de.ozgkit.einvoice.model;

import de.ozgkit.core.OzgException;
import java.util.Locale;

/**
 * A value cannot be part of an invoice, whichever builder is used: a text holds a character that XML
 * 1.0 cannot carry (a control character other than tab, line feed and carriage return, a lone
 * surrogate, U+FFFE or U+FFFF), a text that an invoice requires is empty, or a builder was given a
 * value it does not take. Thrown when the invoice is assembled ({@link InvoiceBuilder#build()} of the
 * deriving and the raw builder, or the {@link Invoice} constructor), so that no invoice exists that
 * cannot be written and read back.
 *
 * <p>{@link #field()} names the business term ({@code "BT-22"}); for a refused character
 * {@link #codePoint()} gives it and {@link #index()} its position in the text, e.g.
 * {@code "BT-20 (payment terms) holds U+0007 at index 7, a character XML 1.0 cannot carry; remove or
 * replace it"}.
 */
public class InvoiceValueException extends OzgException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final int codePoint;
    private final int index;

    /**
     * Creates the exception for a value that is not a character problem.
     *
     * @param field   the business term or group, e.g. {@code "BT-22"} or {@code "BG-22"}
     * @param message what is wrong and how to fix it
     */
    public InvoiceValueException(String field, String message) {
        this(field, message, -1, -1);
    }

    private InvoiceValueException(String field, String message, int codePoint, int index) {
        super(message);
        this.field = field;
        this.codePoint = codePoint;
        this.index = index;
    }

    /**
     * @param field     the business term, e.g. {@code "BT-22"}
     * @param what      the term's name, e.g. {@code "invoice note"}
     * @param codePoint the refused character (a lone surrogate is given as itself)
     * @param index     its index in the text ({@code char} index)
     * @return the exception for a character that XML 1.0 cannot carry
     */
    public static InvoiceValueException illegalCharacter(String field, String what, int codePoint, int index) {
        String kind = Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF ? "a lone surrogate "
                : "";
        return new InvoiceValueException(field, field + " (" + what + ") holds " + kind + codePoint(codePoint)
                + " at index " + index + ", a character XML 1.0 cannot carry; remove or replace it", codePoint, index);
    }

    /** @return the character in the form {@code U+0007} */
    static String codePoint(int cp) {
        return "U+" + String.format(Locale.ROOT, "%04X", cp);
    }

    /** @return the business term or group, e.g. {@code "BT-22"} */
    public String field() {
        return field;
    }

    /** @return the refused character (Unicode code point), or -1 when the problem is not a character */
    public int codePoint() {
        return codePoint;
    }

    /** @return the refused character's index in the text, or -1 when the problem is not a character */
    public int index() {
        return index;
    }
}
