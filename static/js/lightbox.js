// The album's lightbox: a thumbnail opens the photo large in a modal dialog; ← and → (or the buttons) move through
// the album, Escape or Close returns to the thumbnail that opened it. Without this script a thumbnail is a link
// to the large photo.
(function () {
  "use strict";
  var grid = document.querySelector("[data-lightbox]");
  var dialog = document.querySelector("dialog.lightbox");
  if (!grid || !dialog || typeof dialog.showModal !== "function") return;
  var links = Array.prototype.slice.call(grid.querySelectorAll("a[data-large]"));
  var image = document.createElement("img");
  image.className = "lightbox__image";
  dialog.querySelector(".lightbox__picture").append(image);
  var caption = dialog.querySelector(".lightbox__caption");
  var count = dialog.querySelector(".lightbox__count");
  var current = 0;
  var opener = null;

  function show(index) {
    current = (index + links.length) % links.length;
    var link = links[current];
    image.src = link.dataset.large;
    image.alt = link.dataset.alt;
    image.width = link.dataset.width;
    image.height = link.dataset.height;
    caption.textContent = link.dataset.caption || link.dataset.alt;
    count.textContent = "· " + dialog.dataset.ofLabel.replace("%(number)s", current + 1).replace("%(total)s", links.length);
  }

  links.forEach(function (link, index) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      opener = link;
      show(index);
      dialog.showModal();
      dialog.querySelector("[data-lightbox-next]").focus();
    });
  });
  dialog.querySelector("[data-lightbox-previous]").addEventListener("click", function () { show(current - 1); });
  dialog.querySelector("[data-lightbox-next]").addEventListener("click", function () { show(current + 1); });
  dialog.querySelector("[data-lightbox-close]").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
    if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();  // a click on the backdrop
  });
  dialog.addEventListener("close", function () {
    if (opener) opener.focus();
  });
  var target = window.location.hash && document.querySelector(window.location.hash + " a[data-large]");
  if (target) target.focus();
})();
