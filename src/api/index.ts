export { type AppOptions, apiRoutes, createApp, DEFAULT_MAX_UPLOAD_BYTES } from "./app.ts";
export { buildOpenApi } from "./openapi.ts";
export { escapeHtml } from "./pages.ts";
