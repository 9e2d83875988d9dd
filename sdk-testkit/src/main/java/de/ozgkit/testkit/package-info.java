/**
 * Test support: generated PKIs with root CA, intermediate CA and end-entity certificates.
 */
package de.ozgkit.testkit;
