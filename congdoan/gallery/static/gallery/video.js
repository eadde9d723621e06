// Click-to-load video: nothing is requested from YouTube or Facebook before the reader clicks.
(function () {
  "use strict";
  document.querySelectorAll("[data-video-facade]").forEach(function (facade) {
    var play = facade.querySelector("[data-video-play]");
    if (!play || facade.dataset.bound) return;
    facade.dataset.bound = "1";
    play.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = facade.dataset.embedSrc;
      frame.title = facade.dataset.title || "";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      facade.replaceChildren(frame);
      facade.classList.add("is-playing");
      frame.focus();
    });
  });
})();
