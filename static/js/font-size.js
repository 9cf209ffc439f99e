/* Applies the reader's remembered font size and 关怀模式 (the easy-reading mode) before the page paints. */
(function () {
  var root = document.documentElement;
  try {
    var size = localStorage.getItem("portal-font-size");
    if (size === "small" || size === "medium" || size === "large") {
      root.setAttribute("data-font-size", size);
    }
    if (localStorage.getItem("portal-care") === "on") {
      root.setAttribute("data-care", "on");
    }
  } catch (e) { /* storage blocked: the defaults stay */ }
  root.classList.add("js");
})();
