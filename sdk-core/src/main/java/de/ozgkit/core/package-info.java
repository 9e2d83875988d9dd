/**
 * ozgkit core: the configuration every client is built from ({@link de.ozgkit.core.OzgClientConfig}),
 * and the exception hierarchy rooted at {@link de.ozgkit.core.OzgException}.
 *
 * <p>Errors fall into two families:
 * <ul>
 *   <li>{@link de.ozgkit.core.OzgServiceException} and its subclasses: the service answered with an
 *       error status; the exception carries the status, the parsed RFC 9457 problem, the request id
 *       and the number of attempts.</li>
 *   <li>{@link de.ozgkit.core.OzgClientException}: no usable answer (I/O, timeout, TLS,
 *       configuration).</li>
 * </ul>
 */
package de.ozgkit.core;
