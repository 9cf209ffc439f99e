// django-prose-editor opens its image "Browse…" page in a bare 800×600 window whose address carries the callback
// under CKEditor's name. This opens the portal's image page instead: sized to the screen, centred over the form,
// the callback named for what it is (news ArticleAdmin.body_image_view reads it).
(function () {
  "use strict";
  const open = window.open;
  const legacy = /([?&])CKEditorFuncNum=(-?\d+)/;

  window.open = function (url, target, features) {
    const address = String(url || "");
    if (address.indexOf("/body-image/") === -1 || !legacy.test(address)) {
      return open.apply(window, arguments);
    }
    const width = Math.min(1000, Math.round(window.screen.availWidth * 0.9));
    const height = Math.min(820, Math.round(window.screen.availHeight * 0.9));
    const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
    const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 3));
    return open.call(
      window,
      address.replace(legacy, "$1callback=$2"),
      "portal-body-image",
      "popup,width=" + width + ",height=" + height + ",left=" + left + ",top=" + top
    );
  };
})();
