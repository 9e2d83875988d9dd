package de.ozgkit.fitconnect;

import java.util.Objects;

/**
 * The sending system's self-description ({@code author} in metadata 2.x), useful when tracing
 * problems.
 *
 * @param name        name of the portal or platform
 * @param description description, may be {@code null}
 * @param url         URL of the portal, may be {@code null}
 * @param product     the software product
 */
public record Author(String name, String description, String url, Product product) {

    /** Checks the values. */
    public Author {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(product, "product");
    }

    /**
     * The software product.
     *
     * @param name         product name
     * @param description  description, may be {@code null}
     * @param version      product version
     * @param manufacturer manufacturer
     */
    public record Product(String name, String description, String version, String manufacturer) {
        /** Checks the values. */
        public Product {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(manufacturer, "manufacturer");
        }
    }
}
