// The financials tab's ratio chart: debt ratio (percent, left axis), current ratio and
// Altman Z'' (multiples, right axis) over the periods on file. The data comes from the
// JSON block #ratio-chart-data (not executed, so the CSP allows it); the ratios table is
// the chart's text alternative.
(function () {
  'use strict';

  function draw() {
    var canvas = document.getElementById('ratio-chart');
    var source = document.getElementById('ratio-chart-data');
    if (!canvas || !source || typeof window.Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var colours = ['#b42318', '#1d4ed8', '#047857'];
    var dashes = [[], [6, 4], [2, 3]];
    var datasets = data.datasets.map(function (set, i) {
      return {
        label: set.label,
        data: set.data,
        yAxisID: set.axis === 'percent' ? 'percent' : 'multiple',
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        borderDash: dashes[i % dashes.length],
        pointStyle: ['circle', 'rect', 'triangle'][i % 3],
        pointRadius: 4,
        spanGaps: false,
        tension: 0
      };
    });
    new window.Chart(canvas, {
      type: 'line',
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true } },
          tooltip: {
            callbacks: {
              label: function (context) {
                var value = context.parsed.y;
                var unit = context.dataset.yAxisID === 'percent' ? '%' : '';
                return context.dataset.label + ': ' + (value === null ? '—' : value + unit);
              }
            }
          }
        },
        scales: {
          x: { title: { display: true, text: data.axes.period } },
          percent: {
            type: 'linear', position: 'left',
            title: { display: true, text: data.axes.percent },
            ticks: { callback: function (value) { return value + '%'; } }
          },
          multiple: {
            type: 'linear', position: 'right',
            title: { display: true, text: data.axes.multiple },
            grid: { drawOnChartArea: false }
          }
        }
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
