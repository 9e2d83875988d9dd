/**
 * Hardened XML processing: parsers, transformers, schema factories and JAXB unmarshallers with
 * DTDs, external entities and external schema/stylesheet access disabled, and with entity-expansion,
 * depth and size limits. Every XML document ozgkit reads goes through {@link de.ozgkit.core.xml.SecureXml}.
 */
package de.ozgkit.core.xml;
