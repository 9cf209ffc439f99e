/* Applies the reader's remembered font size before the page paints. */
(function () {
  try {
    var size = localStorage.getItem("portal-font-size");
    if (size === "small" || size === "medium" || size === "large") {
      document.documentElement.setAttribute("data-font-size", size);
    }
  } catch (e) { /* storage blocked: the default size stays */ }
  document.documentElement.classList.add("js");
})();
