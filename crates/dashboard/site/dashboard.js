// Starts the dashboard's WebAssembly (no inline script: the page's policy
// forbids it).
import init, { start } from "./candor_dashboard.js";

init({ module_or_path: new URL("candor_dashboard_bg.wasm", import.meta.url) })
  .then(start)
  .catch((error) => {
    document.body.textContent = `The dashboard could not start: ${error}`;
  });
