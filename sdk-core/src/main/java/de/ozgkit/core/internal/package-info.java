/**
 * Implementation classes shared by ozgkit's modules. Not API: exported only to ozgkit's own
 * modules and free to change without notice.
 */
package de.ozgkit.core.internal;
