// The print button of printable sheets (badges, sign-in sheets): no inline handler, for the Content-Security-Policy.
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
