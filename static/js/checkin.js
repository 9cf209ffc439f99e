/* Read a delegate's QR code with the phone camera (jsQR, shipped in static/vendor) and submit it. */
(function () {
  var button = document.querySelector("[data-scan]");
  var form = document.querySelector("[data-checkin-form]");
  var video = document.querySelector(".checkin__video");
  if (!button || !form || !video || !navigator.mediaDevices || !window.jsQR) { return; }
  button.hidden = false;
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });

  function scan(stream) {
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      var frame = context.getImageData(0, 0, canvas.width, canvas.height);
      var code = window.jsQR(frame.data, frame.width, frame.height);
      if (code && code.data) {
        stream.getTracks().forEach(function (track) { track.stop(); });
        form.querySelector("[name=token]").value = code.data;
        form.submit();
        return;
      }
    }
    window.requestAnimationFrame(function () { scan(stream); });
  }

  button.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      video.hidden = false;
      video.srcObject = stream;
      video.play();
      scan(stream);
    });
  });
})();
