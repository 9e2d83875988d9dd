/**
 * Identifiers of German public administration as value types with parsing and validation:
 * {@link de.ozgkit.core.id.LeitwegId} (routing id of public buyers, BT-10 of an XRechnung),
 * {@link de.ozgkit.core.id.Ags} (official municipality key) and {@link de.ozgkit.core.id.Ars}
 * (official regional key), {@link de.ozgkit.core.id.LeikaKey} (key of a service in the federal
 * service catalogue).
 */
package de.ozgkit.core.id;
