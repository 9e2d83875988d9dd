package de.ozgkit.einvoice.model;

import java.time.LocalDate;

/**
 * A period: INVOICING PERIOD (BG-14: BT-73, BT-74) or INVOICE LINE PERIOD (BG-26: BT-134, BT-135).
 *
 * @param start start date (BT-73, BT-134), or {@code null}
 * @param end   end date (BT-74, BT-135), or {@code null}
 */
public record Period(LocalDate start, LocalDate end) {

    /**
     * @param start start date
     * @param end   end date
     * @return the period
     */
    public static Period of(LocalDate start, LocalDate end) {
        return new Period(start, end);
    }
}
