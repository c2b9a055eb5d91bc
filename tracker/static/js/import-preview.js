// Import preview: ask before 放弃导入 (a button with data-confirm); flag a unit name that is not in
// the unit registry as 新单位 while it is typed.
(function () {
  "use strict";
  document.querySelectorAll("button[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
  var registry = document.getElementById("unit-registry");
  if (!registry) { return; }
  // The names of one input, split as tracker/vocabulary/units.py splits them: at 、，,；; outside
  // brackets only, so "市财政局（含下属单位，各分局）" stays one name.
  var OPENERS = "（(〔[［【《{「『“‘", CLOSERS = "）)〕]］】》}」』”’";
  function splitUnits(text) {
    var names = [], current = "", depth = 0;
    Array.prototype.forEach.call(text, function (ch) {
      if (OPENERS.indexOf(ch) >= 0) { depth += 1; } else if (CLOSERS.indexOf(ch) >= 0 && depth) { depth -= 1; }
      if (depth === 0 && "、，,；;\n".indexOf(ch) >= 0) { names.push(current); current = ""; } else { current += ch; }
    });
    names.push(current);
    return names.map(function (n) { return n.replace(/\s+/g, ""); }).filter(Boolean);
  }
  var known = new Set(Array.prototype.map.call(registry.options, function (o) { return o.value; }));
  function check(input) {
    var unknown = splitUnits(input.value).some(function (n) { return !known.has(n); });
    input.classList.toggle("is-new-unit", unknown);
    var badge = input.parentElement.querySelector(".new-unit-badge");
    if (unknown && !badge) {
      badge = document.createElement("span");
      badge.className = "badge text-bg-warning new-unit-badge";
      badge.textContent = "新单位";
      badge.title = "单位名录中没有这个单位，确认导入时会新建";
      input.after(badge);
    } else if (!unknown && badge) {
      badge.remove();
    }
  }
  document.querySelectorAll(".unit-input").forEach(function (input) {
    input.addEventListener("input", function () { check(input); });
  });
}());
