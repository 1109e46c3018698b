export { createApp } from "./app.ts";
export { escapeHtml } from "./pages.ts";
