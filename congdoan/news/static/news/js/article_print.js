// "In bài": load every image (lazy ones too), then open the print dialog once.
(function () {
  "use strict";
  var images = Array.prototype.slice.call(document.images);
  images.forEach(function (img) { img.loading = "eager"; });
  var button = document.querySelector("[data-print]");
  if (button) {
    button.addEventListener("click", function () { window.print(); });
  }
  var loaded = images.map(function (img) {
    if (img.complete) { return Promise.resolve(); }
    return new Promise(function (resolve) {
      img.addEventListener("load", resolve, { once: true });
      img.addEventListener("error", resolve, { once: true });
    });
  });
  var timeout = new Promise(function (resolve) { setTimeout(resolve, 3000); });
  Promise.race([Promise.all(loaded), timeout]).then(function () { window.print(); });
})();
