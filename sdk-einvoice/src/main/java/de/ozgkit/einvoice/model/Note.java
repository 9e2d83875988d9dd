package de.ozgkit.einvoice.model;

import java.util.Objects;

/**
 * INVOICE NOTE (BG-1): free text relevant to the invoice as a whole.
 *
 * @param subjectCode Invoice note subject code (BT-21), UNTDID 4451, e.g. {@code "ADU"}; {@code null}
 *                    when absent
 * @param text        Invoice note (BT-22); never {@code null}
 */
public record Note(String subjectCode, String text) {

    /**
     * Checks the text.
     *
     * @throws NullPointerException if the text is {@code null}
     */
    public Note {
        Objects.requireNonNull(text, "note text (BT-22)");
        subjectCode = de.ozgkit.einvoice.internal.Values.text(subjectCode);
    }

    /**
     * @param text the note
     * @return a note without subject code
     */
    public static Note of(String text) {
        return new Note(null, text);
    }
}
