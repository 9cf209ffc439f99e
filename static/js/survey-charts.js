/* The results page's charts, drawn by Apache ECharts (static/vendor/echarts, from npm) from the JSON each chart's
   container names; the table beside each chart gives the same figures to those who cannot see it. */
(function () {
  "use strict";
  if (!window.echarts) return;
  document.querySelectorAll("[data-chart]").forEach(function (container) {
    var source = document.getElementById(container.getAttribute("data-chart"));
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var chart = window.echarts.init(container, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: data.labels, inverse: true, axisLabel: { width: 140, overflow: "truncate" } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      series: [{ type: "bar", data: data.values, itemStyle: { color: "#a61b1b" }, label: { show: true, position: "right" } }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
