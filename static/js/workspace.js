/*
 * Small helpers for the secretariat's workspace (no inline scripts: CSP-safe).
 * - data-confirm on a submit button asks before the form is sent.
 * - After an htmx swap, focus returns to the button that was used (keyboard users
 *   keep their place while reordering), or to the swapped region, unless the user
 *   has already moved on to another element.
 * - Errors the server sends with HX-Trigger "workspace:error" are announced.
 */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });

  var lastFocusId = null;
  document.addEventListener("htmx:beforeRequest", function () {
    var active = document.activeElement;
    lastFocusId = active && active.id ? active.id : null;
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var active = document.activeElement;
    if (active && active !== document.body && active.isConnected &&
        (!active.id || active.id !== lastFocusId)) {
      // The user moved on while the answer came: never pull the focus back.
      return;
    }
    var target = lastFocusId && document.getElementById(lastFocusId);
    if (target && !target.disabled) {
      target.focus();
    } else if (event.detail.elt && event.detail.elt.isConnected) {
      var region = event.detail.elt;
      if (!region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "-1");
      }
      region.focus();
    }
  });

  function announce(text) {
    var box = document.getElementById("workspace-alert");
    if (!box) {
      box = document.createElement("div");
      box.id = "workspace-alert";
      box.className = "alert alert-danger workspace-alert";
      box.setAttribute("role", "alert");
      document.querySelector("main").prepend(box);
    }
    box.textContent = text;
  }
  document.addEventListener("workspace:error", function (event) {
    announce(event.detail.value || event.detail);
  });
  document.addEventListener("htmx:responseError", function (event) {
    announce(document.documentElement.lang === "en" ? "Something went wrong." : "Noe gikk galt. Prøv igjen.");
    return event;
  });
  document.addEventListener("htmx:sendError", function () {
    announce(document.documentElement.lang === "en" ? "No network connection." : "Ingen nettforbindelse. Prøv igjen.");
  });
})();
