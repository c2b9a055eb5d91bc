// 全选 / 全不选 for a list of checkboxes (the task page's 分解任务 units, tasks/forms.KeptUnitChecks): a button
// data-check-all="ID" ticks every box in the element ID, or clears them all when every one is ticked already, and
// says which it will do next. Without scripts the button stays hidden and each box is ticked by hand.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-check-all]").forEach(function (button) {
    var list = document.getElementById(button.getAttribute("data-check-all"));
    if (!list) {
      return;
    }
    var boxes = list.querySelectorAll("input[type=checkbox]");
    function allTicked() {
      return Array.prototype.every.call(boxes, function (box) { return box.checked; });
    }
    function say() { button.textContent = allTicked() ? "全不选" : "全选"; }
    button.addEventListener("click", function () {
      var tick = !allTicked();
      boxes.forEach(function (box) { box.checked = tick; });
      say();
    });
    list.addEventListener("change", say);
    button.hidden = false;
    say();
  });
});
