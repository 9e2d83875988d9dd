/**
 * The implementation of {@link de.ozgkit.einvoice.EInvoiceValidator}: the official rule sets compiled
 * once per syntax ({@code RuleSets}), the single-parse pipeline that feeds the XML Schema validator and
 * Saxon's tree together ({@code DocumentPipeline}), and the reading of Schematron results
 * ({@code SvrlCollector}). Not API: not exported.
 */
package de.ozgkit.einvoice.internal.validation;
