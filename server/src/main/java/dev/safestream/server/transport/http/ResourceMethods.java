package dev.safestream.server.transport.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The HTTP operations of JAX-RS resource classes, found by reflection as Jersey finds them. */
final class ResourceMethods {
    private ResourceMethods() {}

    /**
     * One resource method.
     *
     * @param path the full path template as OpenAPI writes it ({@code /api/channels/{channel}/owner})
     * @param requires the method's (or its class's) permission, else {@code null}
     */
    record Endpoint(String httpMethod, String path, Method method, Requires requires) {}

    static List<Endpoint> of(Collection<Class<?>> resources) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : resources) {
            Path root = resource.getAnnotation(Path.class);
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                if (root == null || httpMethod == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                Requires requires = method.getAnnotation(Requires.class);
                endpoints.add(new Endpoint(
                        httpMethod,
                        join(root.value(), sub == null ? "" : sub.value()),
                        method,
                        requires != null ? requires : resource.getAnnotation(Requires.class)));
            }
        }
        return endpoints;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String root, String sub) {
        String joined = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
