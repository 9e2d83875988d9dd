/**
 * The sandbox: simulators of the OZG base services on loopback.
 */
package de.ozgkit.sandbox;
