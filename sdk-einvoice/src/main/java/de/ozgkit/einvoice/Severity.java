package de.ozgkit.einvoice;

/**
 * How serious a {@link Finding} is. {@link #FATAL} and {@link #ERROR} make a document invalid;
 * {@link #WARNING} and {@link #INFO} do not.
 *
 * <p>The official Schematron rule sets mark their errors with the flag {@code fatal}; ozgkit reports
 * those as {@link #ERROR}, as KoSIT's validator does. {@link #FATAL} is reserved for documents that
 * could not be processed at all (not XML, a DTD, a broken limit, not an invoice).
 */
public enum Severity {
    /** The document could not be processed at all; no rule was checked. */
    FATAL,
    /** A rule is broken: the invoice is not valid. */
    ERROR,
    /** A rule recommends otherwise; the invoice stays valid. */
    WARNING,
    /** Information only. */
    INFO;

    /** @return {@code true} for {@link #FATAL} and {@link #ERROR}, the severities that make a document invalid */
    public boolean isError() {
        return this == FATAL || this == ERROR;
    }
}
