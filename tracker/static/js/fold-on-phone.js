// Parts of a page folded on a phone (<details class="fold-on-phone" open>): the dashboard's filter form
// (dashboard/_body_parts.html) and each unit's list on 报送情况 (supervision/reporting.html). On a phone each is
// folded under its summary, which says what it holds, so what comes next is on the screen; on a wider screen each is
// open and its summary hidden (tracker.css), so the desktop's page is as it was. Loaded right after the last of them,
// before the page is shown, so a phone never sees them unfolded first; without scripts they stay open. No inline
// script under the CSP.
(function () {
  var folds = document.querySelectorAll("details.fold-on-phone");
  if (!folds.length || !window.matchMedia) {
    return;
  }
  var wide = window.matchMedia("(min-width: 768px)");
  function fit() {
    Array.prototype.forEach.call(folds, function (fold) { fold.open = wide.matches; });
  }
  fit();
  if (wide.addEventListener) {
    wide.addEventListener("change", fit);
  } else if (wide.addListener) {
    wide.addListener(fit);
  }
})();
