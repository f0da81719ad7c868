package dev.safestream.server.transport.http;

import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.auth.TokenService;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/** Authenticates and authorizes every request to a {@link Requires}-annotated resource method. */
@Priority(Priorities.AUTHORIZATION)
final class PermissionFilter implements ContainerRequestFilter {
    private final Requires requires;
    private final TokenService tokens;
    private final Authorizer authorizer;

    private PermissionFilter(Requires requires, TokenService tokens, Authorizer authorizer) {
        this.requires = requires;
        this.tokens = tokens;
        this.authorizer = authorizer;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Principal caller = Caller.authenticate(request, tokens);
        switch (requires.scope()) {
            case SITE -> authorizer.require(caller, requires.value());
            case SOME_CHANNEL -> authorizer.requireSomewhere(caller, requires.value());
        }
    }

    /** Registers a filter on each method that carries (or whose class carries) {@link Requires}. */
    static final class Binding implements DynamicFeature {
        private final TokenService tokens;
        private final Authorizer authorizer;

        Binding(TokenService tokens, Authorizer authorizer) {
            this.tokens = tokens;
            this.authorizer = authorizer;
        }

        @Override
        public void configure(ResourceInfo resource, FeatureContext context) {
            Requires requires = resource.getResourceMethod().getAnnotation(Requires.class);
            if (requires == null) {
                requires = resource.getResourceClass().getAnnotation(Requires.class);
            }
            if (requires != null) {
                context.register(new PermissionFilter(requires, tokens, authorizer));
            }
        }
    }
}
