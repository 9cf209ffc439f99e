/* The registration form: add delegates, each taking the next protocol rank; reorder them with buttons (keyboard
   too), which renumber the ranks 1, 2, 3 … in the order shown; confirm a withdrawal. */
(function () {
  var add = document.querySelector("[data-add-delegate]");
  var list = document.querySelector("[data-formset]");
  var template = document.getElementById("empty-delegate");
  var total = document.querySelector("input[name$='-TOTAL_FORMS']");
  var status = null;

  function rankInput(card) { return card.querySelector("input[name$='-rank']"); }
  function cards() { return Array.prototype.slice.call(list.querySelectorAll("fieldset.delegate")); }

  function renumber() {
    cards().forEach(function (card, index) {
      var rank = rankInput(card);
      if (rank) { rank.value = String(index + 1); }
    });
  }

  function announce(text) {
    if (!status) {
      status = document.createElement("p");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      list.parentNode.insertBefore(status, list.nextSibling);
    }
    status.textContent = text;
  }

  function addMoveButtons(card) {
    if (card.querySelector(".delegate__move")) { return; }
    var bar = document.createElement("div");
    bar.className = "delegate__move";
    [["up", list.dataset.moveUp], ["down", list.dataset.moveDown]].forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--small";
      button.dataset.move = pair[0];
      button.textContent = pair[1];
      bar.appendChild(button);
    });
    card.insertBefore(bar, card.querySelector(".delegate__grid"));
  }

  // On a phone each delegate folds to one line (name and position) once filled in, so the form stays short.
  var phone = window.matchMedia("(max-width: 40em)");

  function summaryOf(card) {
    var name = card.querySelector("input[name$='-name']");
    var position = card.querySelector("input[name$='-position']");
    return [name && name.value, position && position.value].filter(Boolean).join(" · ");
  }

  function setFolded(card, folded) {
    var toggle = card.querySelector(".delegate__toggle");
    card.classList.toggle("delegate--folded", folded);
    toggle.setAttribute("aria-expanded", folded ? "false" : "true");
    toggle.querySelector(".delegate__toggle-action").textContent = folded ? list.dataset.show : list.dataset.hide;
    toggle.querySelector(".delegate__toggle-summary").textContent = summaryOf(card);
  }

  function addToggle(card) {
    if (card.querySelector(".delegate__toggle")) { return; }
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "delegate__toggle";
    toggle.innerHTML = '<span class="delegate__toggle-summary"></span> <span class="delegate__toggle-action"></span>';
    toggle.addEventListener("click", function () { setFolded(card, !card.classList.contains("delegate--folded")); });
    card.insertBefore(toggle, card.querySelector(".delegate__move") || card.querySelector(".delegate__grid"));
    setFolded(card, false);
  }

  function foldFilled(except) {
    if (!phone.matches) { return; }
    cards().forEach(function (card) {
      if (card !== except && summaryOf(card) && !card.querySelector(".field-error, .form-errors, [aria-invalid=true]")) { setFolded(card, true); }
    });
  }

  if (list) {
    cards().forEach(addMoveButtons);
    cards().forEach(addToggle);
    // Folding happens when the page opens and when a delegate is added, never as a field takes the focus:
    // what is below would move under the pointer between pressing and releasing it.
    foldFilled(null);
    list.addEventListener("click", function (event) {
      var button = event.target.closest("[data-move]");
      if (!button) { return; }
      var card = button.closest("fieldset.delegate");
      var other = button.dataset.move === "up" ? card.previousElementSibling : card.nextElementSibling;
      if (!other) { return; }
      if (button.dataset.move === "up") { list.insertBefore(card, other); } else { list.insertBefore(other, card); }
      renumber();
      button.focus();
      announce(list.dataset.moved);
    });
  }
  if (add && list && template && total) {
    add.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
      var ranks = cards().map(function (card) { return parseInt((rankInput(card) || {}).value, 10) || 0; });
      list.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var card = list.lastElementChild;
      var rank = rankInput(card);
      if (rank) { rank.value = String(Math.max.apply(null, ranks.concat([0])) + 1); }
      addMoveButtons(card);
      addToggle(card);
      foldFilled(card);
      var fresh = card.querySelector("input, select");
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
