// django-prose-editor 0.28 passes its dialogs through Django's gettext but names its toolbar buttons and block
// types in English only ("bold", "Heading 2"). This relabels them from the admin's JavaScript catalogue
// (locale/*/djangojs.po) as the editor builds its toolbar, and names each editing area after its field's label
// (the contenteditable area had no name for screen readers).
(function () {
  "use strict";
  const translate = window.gettext || function (text) { return text; };
  const heading = /^heading (\d)$/i;

  function label(text) {
    const level = heading.exec(text);
    if (level) return window.interpolate ? window.interpolate(translate("Heading %s"), [level[1]]) : text;
    return translate(text);
  }

  function relabel(root) {
    root.querySelectorAll(".prose-editor [contenteditable='true']:not([aria-label])").forEach(function (area) {
      const row = area.closest(".form-row, .fieldBox");
      const fieldLabel = row && row.querySelector("label");
      if (fieldLabel) area.setAttribute("aria-label", fieldLabel.textContent.replace(/[:：]\s*$/, "").trim());
    });
    root.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]").forEach(function (element) {
      ["title", "aria-label"].forEach(function (attribute) {
        const value = element.getAttribute(attribute);
        if (value) element.setAttribute(attribute, label(value));
      });
    });
    root.querySelectorAll(".prose-menubar__option *").forEach(function (element) {
      if (element.children.length === 0 && element.textContent.trim()) {
        element.textContent = label(element.textContent.trim());
      }
    });
  }

  let pending = false;
  const observer = new MutationObserver(function (changes) {
    const inMenubar = changes.some(function (change) {
      return change.target.nodeType === 1 && change.target.closest(".prose-menubar, .prose-editor");
    });
    if (inMenubar && !pending) {
      pending = true;
      window.requestAnimationFrame(function () { pending = false; relabel(document); });
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    relabel(document);
    observer.observe(document.body, {childList: true, subtree: true});
  });
})();
