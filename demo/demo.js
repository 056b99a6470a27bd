// The shop's own script: "Place order" confirms the (pretend) order, and
// ?lang=th (or lv, el, ar) sets the page language the survey follows.
var requested = new URLSearchParams(location.search).get("lang");
if (requested && /^[a-z]{2}$/.test(requested)) document.documentElement.lang = requested;

document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("place-order");
  var status = document.getElementById("order-status");
  button.addEventListener("click", function () {
    button.disabled = true;
    button.textContent = "Order placed";
    status.textContent = "Thank you! Order #NW-10482 is confirmed. A receipt is on its way to your inbox.";
  });
});
