/* Font-size switch and 关怀模式 (both remembered in the browser), the phone menu, and the article's view beacon. */
(function () {
  var root = document.documentElement;

  function showSize(size) {
    root.setAttribute("data-font-size", size);
    document.querySelectorAll(".font-switch button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.fontSize === size));
    });
  }

  showSize(root.getAttribute("data-font-size") || "medium");
  document.querySelectorAll(".font-switch button").forEach(function (button) {
    button.addEventListener("click", function () {
      showSize(button.dataset.fontSize);
      try { localStorage.setItem("portal-font-size", button.dataset.fontSize); } catch (e) { /* not remembered */ }
    });
  });

  var care = document.querySelector(".care-switch");
  if (care) {
    care.setAttribute("aria-pressed", String(root.getAttribute("data-care") === "on"));
    care.addEventListener("click", function () {
      var on = root.getAttribute("data-care") !== "on";
      if (on) { root.setAttribute("data-care", "on"); } else { root.removeAttribute("data-care"); }
      care.setAttribute("aria-pressed", String(on));
      try { localStorage.setItem("portal-care", on ? "on" : "off"); } catch (e) { /* not remembered */ }
    });
  }

  var toggle = document.querySelector(".main-nav__toggle");
  var list = document.getElementById("main-nav-list");
  function showMenu(open) {
    toggle.setAttribute("aria-expanded", String(open));
    list.classList.toggle("is-open", open);
  }
  if (toggle && list) {
    toggle.addEventListener("click", function () {
      showMenu(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        showMenu(false);
        toggle.focus();
      }
    });
  }
})();

/* Copy an article's link. */
(function () {
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    button.addEventListener("click", function () {
      var status = button.parentNode.querySelector(".share__status");
      var link = button.dataset.copyLink;
      var done = function () { if (status) { status.textContent = button.dataset.copied; } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(link).then(done, function () { window.prompt("", link); });
      } else {
        window.prompt("", link);
      }
    });
  });

  // One view of this article, counted by a request no cache answers (the page itself may come from one).
  var counted = document.querySelector("[data-view-beacon]");
  if (counted && navigator.sendBeacon) {
    navigator.sendBeacon(counted.getAttribute("data-view-beacon"));
  }
})();
