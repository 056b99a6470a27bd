/*! Candor loader: the one script a host page includes.
 *
 *   <script src="https://collector.example/candor.js"
 *           data-endpoint="https://collector.example" data-survey="checkout" async></script>
 *
 * With data-survey it inserts the survey right after itself. Any
 * <candor-snapshot survey="…" [endpoint="…"]> element on the page becomes a
 * live snapshot of that survey's figures. The widget's WebAssembly is fetched
 * from beside this file only when there is something to show. Every failure
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
    var host = null;
    if (survey) {
      host = document.createElement("candor-widget");
      host.setAttribute("data-survey", survey);
      script.parentNode.insertBefore(host, script.nextSibling);
    }
    var start = function () {
      var snapshots = Array.prototype.slice.call(document.querySelectorAll("candor-snapshot[survey]"));
      if (!host && !snapshots.length) {
        console.warn('Candor: add data-survey="<survey id>" to the script tag, or a <candor-snapshot survey="…"> element.');
        return;
      }
      import(new URL("candor_wasm.js", base).href)
        .then(function (wasm) {
          return wasm.default({ module_or_path: new URL("candor_wasm_bg.wasm", base) }).then(function () {
            if (host) wasm.mount(host, endpoint, survey);
            snapshots.forEach(function (element) {
              wasm.mount_snapshot(element, element.getAttribute("endpoint") || endpoint, element.getAttribute("survey"));
            });
          });
        })
        .catch(function (error) {
          console.warn("Candor: the survey could not be loaded.", error);
        });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
    else start();
  } catch (error) {
    console.warn("Candor: the survey could not be started.", error);
  }
})();
