// The dashboard's filter form (督办总览, dashboard/_body_parts.html): folded under its summary on a phone, where the
// summary says which filters are on and the task list comes next; open on a wider screen, where the summary is
// hidden (tracker.css), so the desktop's form is as it was. Loaded right after the form, before the page is shown,
// so a phone never sees the form unfolded first; without scripts the form stays open. No inline script under the CSP.
(function () {
  var fold = document.getElementById("filter-fold");
  if (!fold || !window.matchMedia) {
    return;
  }
  var wide = window.matchMedia("(min-width: 768px)");
  function fit() { fold.open = wide.matches; }
  fit();
  if (wide.addEventListener) {
    wide.addEventListener("change", fit);
  } else if (wide.addListener) {
    wide.addListener(fit);
  }
})();
