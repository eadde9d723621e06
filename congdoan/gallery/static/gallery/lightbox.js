// Full-screen photo viewer. Without JavaScript each thumbnail is a link to the photo's own page.
(function () {
  "use strict";
  var dialog = document.querySelector("[data-lightbox]");
  if (!dialog) return;
  var stage = dialog.querySelector("[data-lightbox-stage]");
  var caption = dialog.querySelector("[data-lightbox-caption]");
  var counter = dialog.querySelector("[data-lightbox-counter]");
  var closeButton = dialog.querySelector("[data-lightbox-close]");
  var items = [];
  var index = 0;
  var opener = null;
  var touchX = null;

  function source(type, srcset) {
    var element = document.createElement("source");
    element.type = type;
    element.srcset = srcset;
    element.sizes = "100vw";
    return element;
  }

  function show(position) {
    index = (position + items.length) % items.length;
    var item = items[index];
    var picture = document.createElement("picture");
    if (item.dataset.avif) picture.appendChild(source("image/avif", item.dataset.avif));
    if (item.dataset.webp) picture.appendChild(source("image/webp", item.dataset.webp));
    var img = document.createElement("img");
    var jpeg = item.dataset.jpeg || "";
    if (jpeg) {
      img.srcset = jpeg;
      img.sizes = "100vw";
      img.src = jpeg.split(",").pop().trim().split(" ")[0];
    } else {
      var thumb = item.querySelector("img");
      img.src = thumb ? thumb.currentSrc || thumb.src : "";
    }
    img.alt = item.dataset.alt || "";
    picture.appendChild(img);
    stage.replaceChildren(picture);
    var text = [item.dataset.caption, item.dataset.credit].filter(Boolean).join(" — ");
    caption.textContent = text;
    caption.hidden = !text;
    counter.textContent = (index + 1) + " " + counter.dataset.of + " " + items.length;
  }

  function focusable() {
    return Array.prototype.slice.call(dialog.querySelectorAll("button:not([hidden])"));
  }

  function open(position, trigger) {
    opener = trigger;
    dialog.hidden = false;
    document.documentElement.classList.add("lightbox-open");
    show(position);
    closeButton.focus();
  }

  function close() {
    dialog.hidden = true;
    stage.replaceChildren();
    document.documentElement.classList.remove("lightbox-open");
    if (opener) opener.focus();
  }

  document.querySelectorAll("[data-lightbox-gallery]").forEach(function (gallery) {
    var own = Array.prototype.slice.call(gallery.querySelectorAll("[data-lightbox-item]"));
    own.forEach(function (link, position) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        items = own;
        open(position, link);
      });
    });
  });

  dialog.querySelector("[data-lightbox-prev]").addEventListener("click", function () { show(index - 1); });
  dialog.querySelector("[data-lightbox-next]").addEventListener("click", function () { show(index + 1); });
  closeButton.addEventListener("click", close);
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog || event.target === stage) close();
  });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "ArrowLeft") { event.preventDefault(); show(index - 1); }
    else if (event.key === "ArrowRight") { event.preventDefault(); show(index + 1); }
    else if (event.key === "Tab") {
      var nodes = focusable();
      var first = nodes[0];
      var last = nodes[nodes.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    }
  });
  dialog.addEventListener("touchstart", function (event) { touchX = event.changedTouches[0].clientX; }, { passive: true });
  dialog.addEventListener("touchend", function (event) {
    if (touchX === null) return;
    var delta = event.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(delta) > 40) show(index + (delta < 0 ? 1 : -1));
  });
})();
