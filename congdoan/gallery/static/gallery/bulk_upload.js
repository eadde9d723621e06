// Drag-and-drop for the bulk photo upload; the plain file inputs work without it.
(function () {
  "use strict";
  var form = document.querySelector("[data-bulk-upload]");
  if (!form) return;
  var zone = form.querySelector("[data-drop-zone]");
  var input = form.querySelector("[data-file-input]");
  var folder = form.querySelector("[data-folder-input]");
  var chosen = form.querySelector("[data-chosen]");

  function show() {
    var count = input.files.length + (folder ? folder.files.length : 0);
    chosen.textContent = count ? count + " " + chosen.getAttribute("data-chosen-text") : "";
    input.required = !(folder && folder.files.length);
  }

  function readEntry(entry, files) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        entry.file(function (file) { files.push(file); resolve(); }, resolve);
      } else if (entry.isDirectory) {
        var reader = entry.createReader();
        var all = [];
        (function next() {
          reader.readEntries(function (batch) {
            if (!batch.length) {
              Promise.all(all.map(function (e) { return readEntry(e, files); })).then(resolve);
            } else {
              all = all.concat(Array.prototype.slice.call(batch));
              next();
            }
          }, resolve);
        })();
      } else {
        resolve();
      }
    });
  }

  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("is-over"); });
  });
  zone.addEventListener("dragleave", function () { zone.classList.remove("is-over"); });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("is-over");
    var items = Array.prototype.slice.call(event.dataTransfer.items || []);
    var files = [];
    var entries = items.map(function (item) { return item.webkitGetAsEntry && item.webkitGetAsEntry(); });
    var work = entries.filter(Boolean).length
      ? Promise.all(entries.filter(Boolean).map(function (e) { return readEntry(e, files); }))
      : Promise.resolve(files.push.apply(files, event.dataTransfer.files));
    work.then(function () {
      var transfer = new DataTransfer();
      files.filter(function (file) { return /^image\//.test(file.type) || /\.(jpe?g|png|webp|gif|avif|heic)$/i.test(file.name); })
        .forEach(function (file) { transfer.items.add(file); });
      input.files = transfer.files;
      show();
    });
  });
  input.addEventListener("change", show);
  if (folder) folder.addEventListener("change", show);
})();
