// Progressive enhancements only: every page works without JavaScript.
(() => {
  "use strict";

  // The phone menu: the button opens and closes the list and says so in aria-expanded.
  const toggle = document.getElementById("nav-toggle");
  if (toggle) {
    toggle.addEventListener("click", () => {
      toggle.setAttribute("aria-expanded", String(toggle.getAttribute("aria-expanded") !== "true"));
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }

  // A−/A+: the article text in five steps, remembered for the next article.
  const SIZE_KEY = "congdoan:text-size";
  const SIZES = ["0.9375rem", "1.0625rem", "1.1875rem", "1.3125rem", "1.5rem"];
  const article = document.querySelector("[data-article-text]");
  const sizeControl = document.querySelector("[data-text-size]");
  if (article && sizeControl) {
    let step = 1;
    try {
      const saved = Number(window.localStorage.getItem(SIZE_KEY));
      if (Number.isInteger(saved) && saved >= 0 && saved < SIZES.length) step = saved;
    } catch (error) {
      // Storage refused (private mode): the size is not remembered.
    }
    const apply = () => {
      article.style.setProperty("--article-size", SIZES[step]);
      sizeControl.querySelectorAll("[data-text-size-step]").forEach((button) => {
        const direction = Number(button.dataset.textSizeStep);
        button.disabled = direction < 0 ? step === 0 : step === SIZES.length - 1;
      });
    };
    sizeControl.addEventListener("click", (event) => {
      const button = event.target.closest("[data-text-size-step]");
      if (!button) return;
      step = Math.min(SIZES.length - 1, Math.max(0, step + Number(button.dataset.textSizeStep)));
      try {
        window.localStorage.setItem(SIZE_KEY, String(step));
      } catch (error) {
        // Not remembered; the size still changes.
      }
      apply();
    });
    sizeControl.hidden = false;
    apply();
  }

  // Copy the article's address, where the Clipboard API exists.
  const copy = document.querySelector("[data-copy-link]");
  if (copy && navigator.clipboard) {
    const status = document.querySelector("[data-copy-status]");
    copy.hidden = false;
    copy.addEventListener("click", () => {
      navigator.clipboard.writeText(copy.dataset.copyLink).then(() => {
        if (status) status.textContent = copy.dataset.copied;
      });
    });
  }
})();
