package de.ozgkit.core;

import java.util.List;

/**
 * A code is not in its closed code list: thrown by every {@code fromCode(String)} of ozgkit's
 * code enums (payment status, VAT category, OSCI feedback code, ...). The matching
 * {@code lookup(String)} methods return an empty {@code Optional} instead.
 *
 * <p>The message names the code list, the code as given and the known codes.
 */
public class UnknownCodeException extends OzgException {
    private static final long serialVersionUID = 1L;

    private final String codeList;
    private final String code;

    /**
     * Creates the exception.
     *
     * @param codeList the code list's name as the standard names it, e.g. {@code "XBezahldienste status"}
     * @param code     the unknown code as given, may be {@code null}
     * @param known    the known codes, listed in the message
     */
    public UnknownCodeException(String codeList, String code, List<String> known) {
        super("unknown " + codeList + " " + (code == null ? "null" : "\"" + code + "\"") + "; known are "
                + String.join(", ", known));
        this.codeList = codeList;
        this.code = code;
    }

    /** @return the code list's name */
    public String codeList() {
        return codeList;
    }

    /** @return the unknown code as given, may be {@code null} */
    public String code() {
        return code;
    }
}
