/**
 * The OSCI passive recipient as a Jetty 12 handler, for vendors that run Jetty; needs
 * {@code org.eclipse.jetty:jetty-server} on the class path (an optional dependency of this module).
 *
 * <pre>{@code
 * PassiveRecipient recipient = PassiveRecipient.builder().identity(me)
 *         .intermediary(intermediaryCipher, intermediarySignature).handler(vendor).build();
 * Server server = new Server(8080);
 * server.setHandler(new ContextHandler(new OsciRecipientHandler(recipient), "/osci"));
 * server.start();
 * }</pre>
 */
package de.ozgkit.messaging.jetty;
