// The task page's jump links on a phone (tasks/detail.html, #task-jump) stay at the top while scrolling, one row or two
// as many links as the page offers and the screen's width make them. A jump lands each form (.action-card) just under
// them: its scroll-margin-top is the bar's height (--task-jump-height, tracker.css), measured here when the page is
// shown and whenever the screen turns, instead of one fixed height that left a one-row bar's form 66 px lower or hid
// a two-row bar's form heading under it. Without scripts tracker.css's fallback holds. No inline script under the CSP.
(function () {
  var bar = document.getElementById("task-jump");
  if (!bar) {
    return;
  }
  function measure() {
    document.documentElement.style.setProperty("--task-jump-height", bar.offsetHeight + "px");
  }
  measure();
  window.addEventListener("resize", measure);
})();
