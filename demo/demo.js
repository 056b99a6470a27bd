// The shop's own script: "Place order" confirms the (pretend) order.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("place-order");
  var status = document.getElementById("order-status");
  button.addEventListener("click", function () {
    button.disabled = true;
    button.textContent = "Order placed";
    status.textContent = "Thank you! Order #NW-10482 is confirmed. A receipt is on its way to your inbox.";
  });
});
