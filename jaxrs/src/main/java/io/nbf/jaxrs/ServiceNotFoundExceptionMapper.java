package io.nbf.jaxrs;

import io.nbf.api.ServiceNotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a REST call that reached an SPI no live bundle serves with {@code 503 Service Unavailable} and a
 * one-line {@code text/plain} body naming the SPI and the route, e.g.
 * {@code no live bundle serves com.acme.quote.QuoteService on route ID nobody}. No stack trace is sent or logged.
 *
 * <p>Discovered as a {@link Provider}: on WildFly (RESTEasy) when the JAR is in {@code WEB-INF/lib} and the
 * {@code Application} class registers no classes explicitly; on Quarkus (RESTEasy Reactive) because the JAR is a
 * bean archive ({@code META-INF/beans.xml}) and therefore indexed. Without it, a {@link ServiceNotFoundException}
 * a resource lets through becomes a bare {@code 500}.
 */
@Provider
public class ServiceNotFoundExceptionMapper implements ExceptionMapper<ServiceNotFoundException> {

    /** Creates the mapper; the Jakarta REST runtime does. */
    public ServiceNotFoundExceptionMapper() {
    }

    /**
     * @param e the exception a resource let through
     * @return 503 with the text {@code no live bundle serves <spi> on route <route>}
     */
    @Override
    public Response toResponse(ServiceNotFoundException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity(message(e))
                .build();
    }

    /**
     * @param e the exception
     * @return the body: {@code no live bundle serves <spi> on route <route>}
     */
    static String message(ServiceNotFoundException e) {
        return "no live bundle serves " + e.spi() + " on route " + e.route();
    }
}
