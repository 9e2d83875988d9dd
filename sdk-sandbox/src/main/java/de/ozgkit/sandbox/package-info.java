/**
 * The sandbox: simulators of the OZG base services on loopback, over real HTTP(S) on an embedded
 * Jetty 12 server, with fault injection for tests.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().withBuiltInServices().start()) {
 *     URI payment = sandbox.baseUri("payment");          // http://127.0.0.1:<port>/payment
 *     FaultRule twice503 = sandbox.faults().add(
 *             FaultRule.on("POST", "/payment/paymenttransaction/**").times(2).status(503));
 *     // ... run the client against payment ...
 * }
 * }</pre>
 *
 * <p>A simulator is one {@link de.ozgkit.sandbox.SandboxService}: it declares its routes on Jetty's
 * {@code PathMappingsHandler} ({@link de.ozgkit.sandbox.SandboxContext#routes()}) with URI templates
 * and plain Jetty handlers; {@link de.ozgkit.sandbox.http} has the few helpers Jetty lacks.
 */
package de.ozgkit.sandbox;
