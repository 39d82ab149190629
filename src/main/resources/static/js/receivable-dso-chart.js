// The Receivables tab's DSO trend: days sales outstanding (countback) at each month end of the
// last year and on the as-of day, as a line. The data comes from the JSON block #dso-trend-data
// (not executed, so the CSP allows it); the table under the chart shows the same figures.
(function () {
  'use strict';

  function draw() {
    var canvas = document.getElementById('dso-trend-chart');
    var source = document.getElementById('dso-trend-data');
    if (!canvas || !source || typeof window.Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: [{
          label: data.label,
          data: data.values.map(function (value) { return value === null ? null : Number(value); }),
          borderColor: '#1d4ed8',
          backgroundColor: '#1d4ed8',
          pointRadius: 4,
          spanGaps: false,
          tension: 0
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: function (context) {
                var value = context.parsed.y;
                return context.dataset.label + ': ' + (value === null ? '—' : value);
              }
            }
          }
        },
        scales: {
          x: { title: { display: true, text: data.axes.day } },
          y: { beginAtZero: true, title: { display: true, text: data.axes.days } }
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
