// Import preview: flag a unit name that is not in the unit registry as 新单位 while it is typed.
(function () {
  "use strict";
  var registry = document.getElementById("unit-registry");
  if (!registry) { return; }
  var known = new Set(Array.prototype.map.call(registry.options, function (o) { return o.value; }));
  function check(input) {
    var name = input.value.replace(/\s+/g, "");
    var unknown = name !== "" && name.split(/[、，,；;]/).some(function (n) { return n && !known.has(n); });
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
