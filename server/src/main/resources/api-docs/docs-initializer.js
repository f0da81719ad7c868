// Swagger UI for this server's own OpenAPI document (GET /openapi.json). Loaded as a file from 'self': the server's
// Content-Security-Policy refuses inline scripts, so the webjar's own index.html (an inline initializer) cannot be used.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // no call to validator.swagger.io: nothing leaves the server
    validatorUrl: null,
    persistAuthorization: true,
    tryItOutEnabled: false,
  });
});
