// Open a page sent back with a field in error at that field (_macros.field and the 佐证材料 field mark it
// is-invalid and autofocus): on a phone the form posted may be screens below the top, and Chromium focuses an
// autofocus field without scrolling to it. The field goes to the middle of the screen, its label above it and the
// reason and what to do below it. Loaded on every page (base.html); no inline script under the CSP.
(function () {
  var field = document.querySelector(".is-invalid");
  if (!field) {
    return;
  }
  function show() {
    field.scrollIntoView({ block: "center", behavior: "instant" });
  }
  if (document.readyState === "complete") {
    show();
  } else {
    window.addEventListener("load", show);
  }
})();
