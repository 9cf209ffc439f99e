// Print buttons (articles, events, documents, badges, sign-in sheets): no inline handler, for the
// Content-Security-Policy. Lazy photos are loaded first, or the printout would have holes.
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("img[loading=lazy]").forEach((image) => { image.loading = "eager"; });
});
