// The editor's image window (news ArticleAdmin.body_image_view): hands the chosen photo back to the image dialog
// that opened it, through the CKEditor-style callback django-prose-editor listens on, then closes.
(function () {
  "use strict";
  const picker = document.getElementById("body-image-picker");
  if (!picker) return;
  const callback = Number(picker.dataset.callback);

  function send(element) {
    const editor = window.opener && window.opener.CKEDITOR;
    if (!editor || !editor.tools) return false;
    editor.tools.callFunction(callback, element.dataset.url, {
      id: element.dataset.id,
      alternative_text: element.dataset.alt,
      caption: element.dataset.caption,
    });
    window.close();
    return true;
  }

  const done = picker.querySelector(".body-image-picker__done");
  if (done) send(done);
  picker.querySelectorAll(".body-image-picker__pick").forEach(function (button) {
    button.addEventListener("click", function () { send(button); });
  });
})();
