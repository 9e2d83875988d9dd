/**
 * The HTTP transport seam: {@link de.ozgkit.core.http.HttpTransport} performs one exchange;
 * ozgkit's clients add retries, authentication and error mapping on top of it. The default
 * transport runs on Apache HttpClient 5; tests and users can plug in another.
 */
package de.ozgkit.core.http;
