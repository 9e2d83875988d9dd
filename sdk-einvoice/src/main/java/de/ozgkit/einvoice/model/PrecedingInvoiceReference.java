package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.time.LocalDate;

/**
 * PRECEDING INVOICE REFERENCE (BG-3): an earlier invoice that this one corrects or credits.
 *
 * @param number    Preceding Invoice reference (BT-25); never {@code null}
 * @param issueDate Preceding Invoice issue date (BT-26), or {@code null}
 */
public record PrecedingInvoiceReference(String number, LocalDate issueDate) {

    /**
     * Checks the number.
     *
     * @throws NullPointerException if the number is {@code null}
     */
    public PrecedingInvoiceReference {
        number = Values.required(number, "preceding invoice reference (BT-25)");
    }
}
