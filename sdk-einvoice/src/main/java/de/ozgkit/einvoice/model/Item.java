package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.util.List;

/**
 * ITEM INFORMATION (BG-31) with its ITEM ATTRIBUTES (BG-32).
 *
 * @param name            Item name (BT-153)
 * @param description     Item description (BT-154), or {@code null}
 * @param sellerId        Item Seller's identifier (BT-155), or {@code null}
 * @param buyerId         Item Buyer's identifier (BT-156), or {@code null}
 * @param standardId      Item standard identifier (BT-157) with scheme, e.g. a GTIN with scheme
 *                        {@code "0160"}, or {@code null}
 * @param classifications Item classification identifiers (BT-158); never {@code null}
 * @param originCountry   Item country of origin (BT-159), ISO 3166-1 alpha-2, or {@code null}
 * @param attributes      ITEM ATTRIBUTES (BG-32); never {@code null}
 */
public record Item(String name, String description, String sellerId, String buyerId, Identifier standardId,
                   List<Classification> classifications, String originCountry, List<ItemAttribute> attributes) {

    /** Copies the lists and turns empty texts into {@code null}. */
    public Item {
        name = Values.token(name);
        description = Values.token(description);
        sellerId = Values.token(sellerId);
        buyerId = Values.token(buyerId);
        classifications = Values.list(classifications);
        originCountry = Values.token(originCountry);
        attributes = Values.list(attributes);
    }

    /**
     * @param name Item name (BT-153)
     * @return an item with only a name
     */
    public static Item named(String name) {
        return new Item(name, null, null, null, null, List.of(), null, List.of());
    }
}
