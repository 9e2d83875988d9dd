/**
 * A simulated PVOG search service (Portalverbund Suchdienst): places, service descriptions,
 * organisation units and online services from a {@link de.ozgkit.sandbox.directory.DirectoryFixture},
 * under the versioned paths of the real service.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder()
 *         .service(DirectorySimulator.builder().fixture(Path.of("my-fixture.json")).build())
 *         .start()) {
 *     URI base = sandbox.baseUri("directory");      // GET {base}/v3/locations?q=Mainz
 * }
 * }</pre>
 *
 * <p>{@link de.ozgkit.sandbox.directory.DirectoryApi} is the protocol logic without HTTP,
 * {@code DirectoryHandler} (package-private) its routes on the sandbox's Jetty routing.
 */
package de.ozgkit.sandbox.directory;
