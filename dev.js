// Mounts the widget once trunk has loaded the wasm (trunk sets
// window.wasmBindings and fires TrunkApplicationStarted).
function start() {
  window.wasmBindings.mount(document.getElementById("widget"), { endpoint: "", survey: "checkout" }, function () {}, function () { return {}; }).catch(function (error) {
    console.warn("Candor:", error);
  });
}
if (window.wasmBindings) start();
else addEventListener("TrunkApplicationStarted", start, { once: true });
