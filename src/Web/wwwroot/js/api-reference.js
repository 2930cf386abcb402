// The requester API's reference page: Scalar (served by the app from Scalar.AspNetCore, no CDN) over the OpenAPI
// document the app makes from its endpoints. A file, not an inline script, so the page keeps the site's script policy.
Scalar.createApiReference('#app', {
  url: '/openapi/v1.json',
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
  // Scalar's themes draw their muted text (light #8e8e8e, dark #797979) and the light theme its POST badges (#00935d)
  // below the 4.5:1 contrast small text needs (axe-core: color-contrast, serious); only these colors are changed.
  customCss: '.light-mode { --scalar-color-3: #6b6b6b; --scalar-color-green: #007a4d; } .dark-mode { --scalar-color-3: #8f8f8f; }',
});
