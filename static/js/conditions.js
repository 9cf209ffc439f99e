/* The forms' condition engine in the browser: the same rules as surveys/conditions.py, which decides on the
   server (tests/surveys/test_conditions.py runs the same cases through both). Exposed as window.PortalConditions,
   and as a CommonJS module for that test. */
(function (root) {
  "use strict";
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  var NUMBER = /^-?\d+(\.\d+)?$/;

  function isGroup(item) {
    return item !== null && typeof item === "object" && ("all" in item || "any" in item);
  }

  function cells(table) {
    var found = [];
    Object.keys(table).forEach(function (row) {
      var value = table[row];
      if (value !== null && typeof value === "object") {
        Object.keys(value).forEach(function (column) { found.push(value[column]); });
      } else {
        found.push(value);
      }
    });
    return found;
  }

  function empty(answer) {
    if (answer === undefined || answer === null) return true;
    if (typeof answer === "string") return answer.length === 0;
    if (Array.isArray(answer)) return answer.length === 0;
    if (typeof answer === "object") {
      return !cells(answer).some(function (value) { return String(value).trim() !== ""; });
    }
    return false;
  }

  // {kind: "number" | "date", value: comparable number} or null, as _comparable does.
  function comparable(value) {
    if (typeof value === "boolean") return null;
    if (typeof value === "number") return isFinite(value) ? { kind: "number", value: value } : null;
    if (typeof value !== "string") return null;
    var text = value.trim();
    if (ISO_DATE.test(text)) {
      var parts = text.split("-").map(Number);
      var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
      if (date.getUTCFullYear() !== parts[0] || date.getUTCMonth() !== parts[1] - 1 || date.getUTCDate() !== parts[2]) {
        return null;
      }
      return { kind: "date", value: date.getTime() };
    }
    if (NUMBER.test(text)) return { kind: "number", value: Number(text) };
    return null;
  }

  function same(answer, value) {
    if (Array.isArray(answer)) return answer.length === 1 && same(answer[0], value);
    if (answer !== null && typeof answer === "object") return false;
    var left = comparable(answer), right = comparable(value);
    if (left && right && left.kind === right.kind) return left.value === right.value;
    return String(answer) === String(value);
  }

  function within(answer, low, high) {
    var value = comparable(answer);
    if (!value) return false;
    var bounds = [[low, function (v, b) { return v >= b; }], [high, function (v, b) { return v <= b; }]];
    for (var i = 0; i < bounds.length; i++) {
      if (bounds[i][0] === null || bounds[i][0] === undefined) continue;
      var limit = comparable(bounds[i][0]);
      if (!limit || limit.kind !== value.kind || !bounds[i][1](value.value, limit.value)) return false;
    }
    return true;
  }

  function rule(item, answers) {
    var answer = answers[item.question];
    if ("answered" in item) return empty(answer) !== Boolean(item.answered);
    if ("is_not" in item) return empty(answer) || !same(answer, item.is_not);
    if (empty(answer)) return false;
    if ("is" in item) return same(answer, item.is);
    if ("includes" in item) return Array.isArray(answer) ? answer.indexOf(item.includes) !== -1 : same(answer, item.includes);
    if ("between" in item) return within(answer, item.between[0], item.between[1]);
    if ("at_least" in item) return within(answer, item.at_least, null);
    return within(answer, null, item.at_most);
  }

  function holds(condition, answers) {
    if (!condition || Object.keys(condition).length === 0) return true;
    var test = function (item) { return isGroup(item) ? holds(item, answers) : rule(item, answers); };
    if ("all" in condition) return condition.all.every(test);
    return condition.any.some(test);
  }

  var api = { holds: holds };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.PortalConditions = api;
  }
})(typeof window !== "undefined" ? window : this);
