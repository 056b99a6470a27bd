/*! Candor loader: the one script a host page includes.
 *
 *   <script src="https://collector.example/candor.js"
 *           data-endpoint="https://collector.example" data-survey="checkout" async></script>
 *
 * It inserts a host element right after itself, then fetches the widget's
 * WebAssembly from next to this file and mounts the survey there. Every failure
 * is reported with console.warn: the host page never sees an exception.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  try {
    var base = new URL(".", script.src);
    var endpoint = script.getAttribute("data-endpoint") || base.origin;
    var survey = script.getAttribute("data-survey");
    if (!survey) {
      console.warn("Candor: add data-survey=\"<survey id>\" to the script tag.");
      return;
    }
    var host = document.createElement("candor-widget");
    host.setAttribute("data-survey", survey);
    script.parentNode.insertBefore(host, script.nextSibling);
    import(new URL("candor_wasm.js", base).href)
      .then(function (wasm) {
        return wasm.default({ module_or_path: new URL("candor_wasm_bg.wasm", base) }).then(function () {
          wasm.mount(host, endpoint, survey);
        });
      })
      .catch(function (error) {
        console.warn("Candor: the survey could not be loaded.", error);
      });
  } catch (error) {
    console.warn("Candor: the survey could not be started.", error);
  }
})();
