package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.time.LocalDate;

/**
 * DELIVERY INFORMATION (BG-13) with the DELIVER TO ADDRESS (BG-15).
 *
 * @param partyName          Deliver to party name (BT-70), or {@code null}
 * @param locationId         Deliver to location identifier (BT-71) with scheme, or {@code null}
 * @param actualDeliveryDate Actual delivery date (BT-72), or {@code null}
 * @param address            DELIVER TO ADDRESS (BG-15), or {@code null}
 */
public record Delivery(String partyName, Identifier locationId, LocalDate actualDeliveryDate, PostalAddress address) {

    /** Turns an empty name into {@code null}. */
    public Delivery {
        partyName = Values.token(partyName);
    }

    /**
     * @param date Actual delivery date (BT-72)
     * @return delivery information that holds only the date
     */
    public static Delivery on(LocalDate date) {
        return new Delivery(null, null, date, null);
    }
}
