/* Add delegate rows to the registration form, and confirm a withdrawal. */
(function () {
  var add = document.querySelector("[data-add-delegate]");
  var list = document.querySelector("[data-formset]");
  var template = document.getElementById("empty-delegate");
  var total = document.querySelector("input[name$='-TOTAL_FORMS']");
  if (add && list && template && total) {
    add.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
      list.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var fresh = list.lastElementChild.querySelector("input, select");
      if (fresh) { fresh.focus(); }
    });
  }
  // After a refused save, the summary of what to correct takes the focus, so it is read out and seen first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.dataset.confirm)) { event.preventDefault(); }
    });
  });
})();
