// The requester API's reference page: Scalar (served by the app from Scalar.AspNetCore, no CDN) over the OpenAPI
// document the app makes from its endpoints. A file, not an inline script, so the page keeps the site's script policy.
Scalar.createApiReference('#app', {
  url: '/openapi/v1.json',
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
});
