/**
 * A FIT-Connect submission service for the sandbox: token endpoint, submission API v1, signed event
 * log, callbacks and deadlines, with test destinations whose keys come from a test PKI.
 *
 * <pre>{@code
 * TestDestination destination = TestDestination.builder(TestPki.create()).build();
 * FitConnectSimulator fitconnect = FitConnectSimulator.builder().destination(destination).build();
 * try (Sandbox sandbox = Sandbox.builder().service(fitconnect).start()) {
 *     URI api = fitconnect.submissionApi();     // http://127.0.0.1:<port>/fitconnect/submission-api
 *     URI token = fitconnect.tokenUri();        // http://127.0.0.1:<port>/fitconnect/token
 * }
 * }</pre>
 */
package de.ozgkit.sandbox.fitconnect;
