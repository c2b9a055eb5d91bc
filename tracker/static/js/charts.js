// Draw every <canvas class="tracker-chart" data-chart='{...}'> with the vendored Chart.js.
// The spec (built by tracker/dashboard/routes.py chart_specs): type (bar|line|doughnut), labels,
// series [{label, data, color | colors}], stacked, percent (data are fractions, shown as %),
// optional suffix (unit written after each tick, data as they are: e.g. "%" for 同比增速 already in %)
// and beginAtZero (default true; false lets a balance's axis start near its figures), and spanGaps (default true:
// a line drawn across a month without a figure; false leaves the gap, as an entity's 指标走势 does, where a line through
// months with no 同比增速 would read as figures that are not there).
// Each chart's figures are also in the table next to it, so the page reads without scripts.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  Chart.defaults.font.family = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  Chart.defaults.animation = false;
  document.querySelectorAll("canvas.tracker-chart").forEach(function (canvas) {
    var spec = JSON.parse(canvas.dataset.chart);
    var percent = Boolean(spec.percent);
    var datasets = spec.series.map(function (series) {
      var data = series.data.map(function (value) {
        return value === null ? null : (percent ? Math.round(value * 1000) / 10 : value);
      });
      var colour = series.colors || series.color;
      return { label: series.label, data: data, backgroundColor: colour, borderColor: series.color || "#fff",
               borderWidth: spec.type === "line" ? 2 : 1, spanGaps: spec.spanGaps !== false, tension: 0.2 };
    });
    var options = { responsive: true, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } } };
    if (spec.type !== "doughnut") {
      options.scales = {
        x: { stacked: Boolean(spec.stacked) },
        y: { stacked: Boolean(spec.stacked), beginAtZero: spec.beginAtZero !== false,
             ticks: percent ? { callback: function (v) { return v + "%"; } }
                    : spec.suffix ? { callback: function (v) { return v + spec.suffix; } } : { precision: 0 } }
      };
      if (percent) { options.scales.y.max = 100; }
    }
    new Chart(canvas, { type: spec.type, data: { labels: spec.labels, datasets: datasets }, options: options });
  });
})();
