/**
 * The sandbox's implementation on Jetty 12. Not API: not exported.
 */
package de.ozgkit.sandbox.internal;
