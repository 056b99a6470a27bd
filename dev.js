// Mounts the widget once trunk has loaded the wasm (trunk sets
// window.wasmBindings and fires TrunkApplicationStarted).
function start() {
  window.wasmBindings.mount(document.getElementById("widget"), { endpoint: "", survey: "checkout" }, function () {}, function () { return {}; });
}
if (window.wasmBindings) start();
else addEventListener("TrunkApplicationStarted", start, { once: true });
