/* A questionnaire on the desk: questions appear and disappear as their conditions hold (the engine of
   conditions.js, the same the server applies), and what is typed is kept in this browser until the server has it,
   so a session that timed out loses nothing: coming back after signing in again brings the answers back. */
(function () {
  "use strict";
  var form = document.querySelector("form.survey-form");
  if (!form || !window.PortalConditions) return;
  var questions = Array.prototype.slice.call(form.querySelectorAll(".survey-question"));
  var storageKey = "portal-draft:" + form.getAttribute("data-draft-key");

  function answerOf(question) {
    var kind = question.getAttribute("data-kind");
    var key = question.getAttribute("data-question");
    if (kind === "table") {
      var table = {};
      question.querySelectorAll("input[data-row]").forEach(function (input) {
        if (!input.value.trim()) return;
        var row = input.getAttribute("data-row");
        table[row] = table[row] || {};
        table[row][input.getAttribute("data-column")] = input.value.trim();
      });
      return table;
    }
    var other = question.querySelector(".survey-other");
    var otherText = other ? other.value.trim() : "";
    if (kind === "multiple") {
      var chosen = [];
      question.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
        if (box.value === "__other__") { if (otherText) chosen.push(otherText); } else { chosen.push(box.value); }
      });
      return chosen;
    }
    if (kind === "single") {
      var picked = question.querySelector("input[type=radio]:checked");
      if (!picked) return "";
      return picked.value === "__other__" ? otherText : picked.value;
    }
    var input = question.querySelector("[name='" + key + "']");
    if (!input) return "";
    if (input.type === "file") return input.files && input.files.length ? input.files[0].name : "";
    return input.value.trim();
  }

  function refresh() {
    var answers = {};
    questions.forEach(function (question) {
      var condition = question.getAttribute("data-condition");
      var shown = !condition || window.PortalConditions.holds(JSON.parse(condition), answers);
      question.hidden = !shown;
      if (shown) answers[question.getAttribute("data-question")] = answerOf(question);
    });
  }

  function fields() {
    return Array.prototype.slice.call(form.elements).filter(function (element) {
      return element.name && element.name !== "csrfmiddlewaretoken" && element.type !== "file" && element.type !== "submit";
    });
  }

  function keep() {
    var values = {};
    fields().forEach(function (element) {
      if (element.type === "checkbox" || element.type === "radio") {
        if (element.checked) (values[element.name] = values[element.name] || []).push(element.value);
      } else {
        values[element.name] = element.value;
      }
    });
    try {
      localStorage.setItem(storageKey, JSON.stringify({ savedAt: Date.now(), values: values }));
    } catch (error) { /* private mode or full: the server's draft is still there */ }
  }

  function restore() {
    var saved;
    try { saved = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (error) { saved = null; }
    var serverSavedAt = Number(form.getAttribute("data-saved-at") || 0) * 1000;
    if (!saved || saved.savedAt <= serverSavedAt) {
      try { localStorage.removeItem(storageKey); } catch (error) { /* nothing kept */ }
      return;
    }
    fields().forEach(function (element) {
      var value = saved.values[element.name];
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = Array.isArray(value) && value.indexOf(element.value) !== -1;
      } else if (typeof value === "string") {
        element.value = value;
      }
    });
  }

  if (!document.querySelector(".form-errors")) restore();  // after a refused save the page shows what was sent
  refresh();
  form.addEventListener("input", function () { refresh(); keep(); });
  form.addEventListener("change", function () { refresh(); keep(); });
})();
