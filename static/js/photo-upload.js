// Admin album upload: each chosen photo goes in its own request, two at a time, with a progress bar per file and
// one for all; the server's reason is shown for any photo it refuses. Without this script the form posts them all.
(function () {
  "use strict";
  var form = document.querySelector("[data-photo-upload]");
  if (!form) return;
  var input = form.querySelector("input[type=file]");
  var list = form.querySelector(".photo-upload__files");
  var overall = form.querySelector(".photo-upload__overall");
  var bar = overall.querySelector("progress");
  var summary = form.querySelector(".photo-upload__summary");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  function row(file) {
    var item = document.createElement("li");
    var name = document.createElement("span");
    name.textContent = file.name + " ";
    var progress = document.createElement("progress");
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute("aria-label", file.name);
    var state = document.createElement("span");
    state.className = "photo-upload__state";
    item.append(name, progress, state);
    list.append(item);
    return { progress: progress, state: state, item: item };
  }

  function send(file, view, onProgress) {
    return new Promise(function (resolve) {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", token);
      data.append("images", file);
      var request = new XMLHttpRequest();
      request.open("POST", form.action || window.location.href);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) {
          view.progress.value = Math.round((event.loaded / event.total) * 100);
          onProgress();
        }
      });
      request.addEventListener("loadend", function () {
        var answer = {};
        try { answer = JSON.parse(request.responseText); } catch (error) { answer = {}; }
        var ok = request.status === 200 && answer.added === 1;
        view.progress.value = 100;
        view.item.classList.add(ok ? "photo-upload--done" : "photo-upload--failed");
        var reasons = answer.refused ? Object.values(answer.refused).flat().join(" ") : request.statusText;
        view.state.textContent = ok ? form.dataset.doneLabel : form.dataset.failedLabel + ": " + reasons;
        onProgress();
        resolve(ok);
      });
      request.send(data);
    });
  }

  form.addEventListener("submit", function (event) {
    var files = Array.prototype.slice.call(input.files);
    if (!files.length || !window.FormData || !window.Promise) return;
    event.preventDefault();
    form.querySelector("[type=submit]").disabled = true;
    list.textContent = "";
    summary.textContent = "";
    overall.hidden = false;
    var views = files.map(row);
    var added = 0;
    var next = 0;
    function update() {
      var total = views.reduce(function (sum, view) { return sum + view.progress.value; }, 0);
      bar.value = Math.round(total / views.length);
    }
    function worker() {
      if (next >= files.length) return Promise.resolve();
      var index = next++;
      return send(files[index], views[index], update).then(function (ok) {
        if (ok) added += 1;
        return worker();
      });
    }
    Promise.all([worker(), worker()]).then(function () {
      summary.textContent = form.dataset.summaryLabel.replace("%(added)s", added).replace("%(total)s", files.length) + " ";
      var back = document.createElement("a");
      back.href = form.dataset.backUrl;
      back.textContent = form.dataset.backLabel;
      summary.append(back);
      form.querySelector("[type=submit]").disabled = false;
      input.value = "";
    });
  });
})();
