/**
 * Implementation of the account module: request writing, signature verification over exactly the
 * element that is read, decryption, response checks, metadata, the Postfach transport. Not API.
 */
package de.ozgkit.account.internal;
