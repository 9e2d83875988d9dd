package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INVOICE NOTE (BG-1): free text relevant to the invoice as a whole.
 *
 * <p>XRechnung writes the subject code into the UBL note text as {@code #CODE#text}. A note without
 * subject code whose text starts that way ({@code #ADU#Bitte ...}, one to three letters or digits
 * between the hashes, followed by more text) therefore means that subject code: the constructor splits
 * it, so that a note reads back from either syntax as it was made.
 *
 * @param subjectCode Invoice note subject code (BT-21), UNTDID 4451, e.g. {@code "ADU"}; may be
 *                    {@code null}
 * @param text        Invoice note (BT-22), kept verbatim; never {@code null}
 */
public record Note(String subjectCode, String text) {

    /** The subject code convention of XRechnung UBL: {@code #CODE#text}. */
    public static final Pattern SUBJECT_CODE_PREFIX = Pattern.compile("(?s)^#([A-Za-z0-9]{1,3})#(.*)$");

    /**
     * Checks the text and splits a leading {@code #CODE#} into the subject code (see above).
     *
     * @throws NullPointerException if the text is {@code null}
     */
    public Note {
        Objects.requireNonNull(text, "note text (BT-22)");
        subjectCode = Values.token(subjectCode);
        if (subjectCode == null) {
            Matcher m = SUBJECT_CODE_PREFIX.matcher(text);
            if (m.matches() && !m.group(2).isEmpty()) {
                subjectCode = m.group(1);
                text = m.group(2);
            }
        }
    }

    /**
     * @param text the note
     * @return a note without subject code (unless the text starts with one, see above)
     */
    public static Note of(String text) {
        return new Note(null, text);
    }
}
