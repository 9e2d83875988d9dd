/**
 * Amounts of money on {@link java.math.BigDecimal} with EN 16931 rounding (two decimals, half up).
 */
package de.ozgkit.core.money;
