// Counts this page view with a beacon (so cached pages count too), refreshes the visitor numbers
// every minute and turns the "most read" periods into tabs. Pages work fully without it.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var hitUrl = script.dataset.hitUrl;
  var numbersUrl = script.dataset.numbersUrl;
  var pageId = script.dataset.pageId;
  var item = script.dataset.item;
  var REFRESH_MS = 60000;
  // Numbers printed longer ago than this (a page from the page cache) are refreshed at once.
  var STALE_SECONDS = 30;

  // An anonymous random id for this browser; the server only keeps a daily keyed hash of it.
  function clientId() {
    try {
      var id = localStorage.getItem("congdoan-visitor");
      if (!id) {
        var bytes = new Uint8Array(16);
        crypto.getRandomValues(bytes);
        id = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
        localStorage.setItem("congdoan-visitor", id);
      }
      return id;
    } catch (error) {
      return "";
    }
  }

  function sendHit() {
    var body = new URLSearchParams();
    if (pageId) body.set("page", pageId);
    if (item) body.set("item", item);
    var id = clientId();
    if (id) body.set("cid", id);
    if (navigator.sendBeacon && navigator.sendBeacon(hitUrl, body)) return;
    if (window.fetch) {
      fetch(hitUrl, { method: "POST", body: body, keepalive: true, credentials: "same-origin" })
        .catch(function () {});
    }
  }

  function formatNumber(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function refreshNumbers() {
    if (document.visibilityState === "hidden" || !window.fetch) return;
    fetch(numbersUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (numbers) {
        if (!numbers) return;
        document.querySelectorAll("[data-visitors-count]").forEach(function (element) {
          var value = numbers[element.dataset.visitorsCount];
          if (typeof value === "number") element.textContent = formatNumber(value);
        });
      })
      .catch(function () {});
  }

  function makeTabs(container) {
    var panels = container.querySelectorAll(".most-read-panel");
    if (panels.length < 2) return;
    var list = document.createElement("div");
    list.className = "most-read-tabs";
    list.setAttribute("role", "tablist");
    var buttons = [];
    function select(index) {
      buttons.forEach(function (button, i) {
        button.setAttribute("aria-selected", i === index ? "true" : "false");
        button.tabIndex = i === index ? 0 : -1;
        panels[i].hidden = i !== index;
      });
    }
    panels.forEach(function (panel, index) {
      var heading = panel.querySelector(".most-read-period");
      var button = document.createElement("button");
      button.type = "button";
      button.id = panel.id + "-tab";
      button.textContent = heading.textContent;
      button.setAttribute("role", "tab");
      button.setAttribute("aria-controls", panel.id);
      button.addEventListener("click", function () { select(index); });
      button.addEventListener("keydown", function (event) {
        if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
        var next = (index + (event.key === "ArrowRight" ? 1 : panels.length - 1)) % panels.length;
        select(next);
        buttons[next].focus();
      });
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", button.id);
      heading.hidden = true;
      buttons.push(button);
      list.appendChild(button);
    });
    container.insertBefore(list, container.firstChild);
    select(0);
  }

  function start() {
    sendHit();
    document.querySelectorAll("[data-most-read-tabs]").forEach(makeTabs);
    if (document.querySelector("[data-visitors-count]")) {
      var printed = document.querySelector("[data-visitors-rendered-at]");
      var age = printed ? Date.now() / 1000 - Number(printed.dataset.visitorsRenderedAt) : NaN;
      if (!(age < STALE_SECONDS)) refreshNumbers();
      setInterval(refreshNumbers, REFRESH_MS);
    }
  }

  // A page restored from the back-forward cache is viewed again.
  window.addEventListener("pageshow", function (event) { if (event.persisted) sendHit(); });
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", start, { once: true });
  } else {
    start();
  }
})();
