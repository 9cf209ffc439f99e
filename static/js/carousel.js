/* Headline carousel: moves on its own only while playing, pauses on hover, focus or the pause
   button, never plays for readers who prefer reduced motion, and is fully usable by keyboard. */
(function () {
  document.querySelectorAll("[data-carousel]").forEach(function (carousel) {
    var slides = Array.prototype.slice.call(carousel.querySelectorAll(".carousel__slide"));
    var dots = Array.prototype.slice.call(carousel.querySelectorAll(".carousel__dot"));
    var toggle = carousel.querySelector(".carousel__toggle");
    var live = carousel.querySelector(".carousel__slides");
    var current = 0;
    var timer = null;
    var playing = !window.matchMedia("(prefers-reduced-motion: reduce)").matches && slides.length > 1;
    var hovered = false;

    function show(index) {
      current = (index + slides.length) % slides.length;
      slides.forEach(function (slide, i) { slide.hidden = i !== current; });
      dots.forEach(function (dot, i) { dot.setAttribute("aria-current", i === current ? "true" : "false"); });
    }
    function schedule() {
      window.clearInterval(timer);
      timer = null;
      if (playing && !hovered) { timer = window.setInterval(function () { show(current + 1); }, 6000); }
      live.setAttribute("aria-live", playing ? "off" : "polite");
      if (toggle) {
        toggle.setAttribute("aria-pressed", String(!playing));
        toggle.textContent = playing ? toggle.dataset.pauseLabel : toggle.dataset.playLabel;
      }
    }
    carousel.querySelector(".carousel__prev").addEventListener("click", function () { show(current - 1); });
    carousel.querySelector(".carousel__next").addEventListener("click", function () { show(current + 1); });
    dots.forEach(function (dot, i) { dot.addEventListener("click", function () { show(i); }); });
    if (toggle) { toggle.addEventListener("click", function () { playing = !playing; schedule(); }); }
    carousel.addEventListener("mouseenter", function () { hovered = true; schedule(); });
    carousel.addEventListener("mouseleave", function () { hovered = false; schedule(); });
    carousel.addEventListener("focusin", function () { hovered = true; schedule(); });
    carousel.addEventListener("focusout", function (event) {
      if (!carousel.contains(event.relatedTarget)) { hovered = false; schedule(); }
    });
    carousel.classList.add("carousel--ready");
    show(0);
    schedule();
  });
})();
