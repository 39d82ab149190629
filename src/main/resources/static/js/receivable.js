// Credence receivables: the aging chart, a horizontal stacked bar per row of data, drawn from the
// JSON block the page names in data-aging-chart (no inline scripts, CSP). The table beside the chart
// shows the same figures for those who read rather than look.
(function () {
  'use strict';

  // not yet due in green, then amber to deep red as items age
  var COLOURS = ['#1e7b4a', '#d4a106', '#e6a23c', '#e67e22', '#d35400', '#c0392b', '#7b241c'];

  function colour(index, count) {
    if (count <= COLOURS.length) {
      return COLOURS[index === count - 1 ? COLOURS.length - 1 : index];
    }
    return COLOURS[Math.min(index, COLOURS.length - 1)];
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute('data-aging-chart'));
    if (!source || typeof Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var rows = data.rows || [{ label: data.title, amounts: data.amounts }];
    var datasets = data.labels.map(function (label, index) {
      return {
        label: label,
        data: rows.map(function (row) { return Number(row.amounts[index]); }),
        backgroundColor: colour(index, data.labels.length),
        borderWidth: 0
      };
    });
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined,
      { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    new Chart(canvas, {
      type: 'bar',
      data: { labels: rows.map(function (row) { return row.label; }), datasets: datasets },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            stacked: true,
            beginAtZero: true,
            title: { display: true, text: data.currency },
            ticks: { callback: function (value) { return format.format(value); } }
          },
          y: { stacked: true, ticks: { display: rows.length > 1 } }
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: {
            callbacks: {
              label: function (context) {
                return context.dataset.label + ': ' + format.format(context.parsed.x) + ' ' + data.currency;
              }
            }
          }
        }
      }
    });
  }

  document.querySelectorAll('canvas[data-aging-chart]').forEach(draw);
})();
