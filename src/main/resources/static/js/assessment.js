// The grade over time on a customer's assessments tab: a line of scores with each point's grade,
// drawn from the JSON block the page carries. No inline scripts (CSP).
(function () {
  'use strict';

  var data = document.getElementById('assessment-history-data');
  var canvas = document.getElementById('assessment-history-chart');
  if (!data || !canvas || typeof Chart === 'undefined') {
    return;
  }
  var points = JSON.parse(data.textContent || '[]');
  var scoreLabel = canvas.getAttribute('data-label-score') || 'Score';
  var gradeLabel = canvas.getAttribute('data-label-grade') || 'Grade';
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map(function (p) { return p.date; }),
      datasets: [{
        label: scoreLabel,
        data: points.map(function (p) { return Number(p.score); }),
        borderColor: '#1f6f50',
        backgroundColor: '#1f6f50',
        tension: 0.2,
        pointRadius: 4
      }]
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: {
        y: { suggestedMin: 0, suggestedMax: 100, title: { display: true, text: scoreLabel } }
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            afterLabel: function (context) { return gradeLabel + ': ' + points[context.dataIndex].grade; }
          }
        }
      }
    },
    plugins: [{
      id: 'gradeLabels',
      afterDatasetsDraw: function (chart) {
        var ctx = chart.ctx;
        var meta = chart.getDatasetMeta(0);
        ctx.save();
        ctx.font = '12px sans-serif';
        ctx.fillStyle = '#333';
        ctx.textAlign = 'center';
        meta.data.forEach(function (point, index) {
          ctx.fillText(points[index].grade, point.x, point.y - 8);
        });
        ctx.restore();
      }
    }]
  });
})();
