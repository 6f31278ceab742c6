package dev.imagesdk.core.auth;

import dev.imagesdk.core.http.ServiceRequest;
import dev.imagesdk.core.http.ServiceResponse;

/**
 * What the client lends an {@link Auth} that has to call an identity service: a way to send a request
 * through the client's pipeline (its HTTP connections, proxy, TLS, redirects with the origin rule,
 * error mapping and logging) without credentials.
 */
public interface AuthContext {

    /**
     * Sends a request to an identity service and returns its successful answer; the caller closes it.
     * The request must be to an absolute URL ({@link ServiceRequest#toUrl(String, java.net.URI)}); no
     * credentials are added. It is not retried on its own: it runs inside the retry of the image
     * request that needed credentials.
     *
     * @throws dev.imagesdk.core.error.ServiceResponseException (a subtype per status) for an error status
     * @throws dev.imagesdk.core.error.TransportException when the exchange fails
     */
    ServiceResponse sendUnauthenticated(ServiceRequest request);
}
