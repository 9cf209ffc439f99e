/* Charts of figures, drawn by Apache ECharts (static/vendor/echarts, from npm): staff charts fetch their JSON from
   the address their container names (data-chart-url), public ones read it from the page (data-chart). The table
   beside each chart gives the same figures to those who cannot see it. */
(function () {
  "use strict";
  if (!window.echarts) return;
  var chinese = (document.documentElement.lang || "").indexOf("zh") === 0;
  var palette = ["#a61b1b", "#1f5f8b", "#c98a12", "#3b7d4f", "#6b4c9a", "#7a7a7a"];

  function compact(value) {
    var number = Number(value);
    if (!isFinite(number)) return value;
    if (chinese) {
      if (Math.abs(number) >= 1e8) return +(number / 1e8).toFixed(2) + "亿";
      if (Math.abs(number) >= 1e4) return +(number / 1e4).toFixed(2) + "万";
    }
    return number.toLocaleString(document.documentElement.lang || undefined);
  }

  function draw(container, data) {
    var hasPercent = data.series.some(function (s) { return s.percent; });
    var hasCounts = data.series.some(function (s) { return !s.percent; });
    var chart = window.echarts.init(container, null, { renderer: "svg" });
    var yAxes = [];
    if (hasCounts) yAxes.push({ type: "value", name: data.unit || "", axisLabel: { formatter: compact } });
    if (hasPercent) yAxes.push({ type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } });
    chart.setOption({
      animation: false,
      color: palette,
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: compact },
      xAxis: { type: "category", data: data.categories, axisLabel: { hideOverlap: true } },
      yAxis: yAxes,
      series: data.series.map(function (s) {
        return {
          name: s.name,
          type: s.kind === "line" ? "line" : "bar",
          stack: data.stacked && !s.percent ? "total" : undefined,
          yAxisIndex: s.percent && hasCounts ? 1 : 0,
          data: s.values.map(function (v) { return v === null ? null : Number(v); })
        };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  document.querySelectorAll("[data-chart-url]").forEach(function (container) {
    fetch(container.getAttribute("data-chart-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) draw(container, data); });
  });
  document.querySelectorAll("[data-chart]").forEach(function (container) {
    var source = document.getElementById(container.getAttribute("data-chart"));
    if (source) draw(container, JSON.parse(source.textContent));
  });
})();
