/* Font-size switch (remembered in the browser), the phone menu, and the article's view beacon. */
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

  var toggle = document.querySelector(".main-nav__toggle");
  var list = document.getElementById("main-nav-list");
  if (toggle && list) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      list.classList.toggle("is-open", open);
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
