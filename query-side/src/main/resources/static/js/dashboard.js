// 统计看板: reads GET /api/dashboard and draws it with Apache ECharts (served by the application, no CDN).
(function () {
  'use strict';

  var root = document.getElementById('dashboard');
  if (!root) {
    return;
  }
  var agency = root.dataset.agency;
  var year = Number(root.dataset.year);
  var charts = [];
  var MONTHS = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];

  function set(id, text) {
    document.getElementById(id).textContent = text;
  }

  function percent(rate) {
    return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(1) + '%';
  }

  function days(d) {
    return d === null || d === undefined ? '–' : d + ' 个工作日';
  }

  function chart(id, option) {
    var c = echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
    c.setOption(Object.assign({animation: false, textStyle: {fontSize: 13}}, option));
    charts.push(c);
    return c;
  }

  function link(href, text) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  function cell(tr, content) {
    var td = document.createElement('td');
    if (typeof content === 'string' || typeof content === 'number') {
      td.textContent = String(content);
    } else {
      td.appendChild(content);
    }
    tr.appendChild(td);
  }

  function draw(d) {
    set('kpi-received', d.figures.received);
    set('kpi-answered', d.figures.answered);
    set('kpi-median', days(d.figures.medianWorkingDays));
    set('kpi-p90', days(d.figures.p90WorkingDays));
    set('kpi-overdue', percent(d.figures.overdueRate));

    chart('chart-months', {
      tooltip: {trigger: 'axis'},
      legend: {data: [String(year) + '年', String(year - 1) + '年']},
      grid: {left: 40, right: 16, top: 36, bottom: 28},
      xAxis: {type: 'category', data: MONTHS},
      yAxis: {type: 'value', minInterval: 1},
      series: [
        {name: String(year) + '年', type: 'bar', data: d.receivedByMonth, itemStyle: {color: '#1f5fa8'}},
        {name: String(year - 1) + '年', type: 'line', data: d.receivedByMonthLastYear, itemStyle: {color: '#9a9a9a'}}
      ]
    });

    var groups = {};
    var order = [];
    d.outcomes.forEach(function (o) {
      if (!(o.group in groups)) {
        groups[o.group] = 0;
        order.push(o.group);
      }
      groups[o.group] += o.count;
    });
    var outcomeChart = chart('chart-outcomes', {
      tooltip: {trigger: 'item'},
      grid: {left: 150, right: 40, top: 10, bottom: 24},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', inverse: true, data: order},
      series: [{type: 'bar', data: order.map(function (g) { return groups[g]; }), itemStyle: {color: '#2f7d4a'},
        label: {show: true, position: 'right'}}]
    });
    outcomeChart.on('click', function () {
      location.href = '/reports?agencyCode=' + encodeURIComponent(agency) + '&includeSubAgencies=true&year=' + year;
    });

    var names = d.departments.map(function (x) { return x.name; });
    var deptChart = chart('chart-departments', {
      tooltip: {trigger: 'axis'},
      legend: {data: ['收到', '办结', '逾期答复']},
      grid: {left: 40, right: 16, top: 36, bottom: 60},
      xAxis: {type: 'category', data: names, axisLabel: {interval: 0, rotate: names.length > 6 ? 30 : 0}},
      yAxis: {type: 'value', minInterval: 1},
      series: [
        {name: '收到', type: 'bar', data: d.departments.map(function (x) { return x.figures.received; }), itemStyle: {color: '#1f5fa8'}},
        {name: '办结', type: 'bar', data: d.departments.map(function (x) { return x.figures.answered; }), itemStyle: {color: '#2f7d4a'}},
        {name: '逾期答复', type: 'bar', data: d.departments.map(function (x) { return x.figures.late; }), itemStyle: {color: '#b3261e'}}
      ]
    });
    deptChart.on('click', function (p) {
      var dep = d.departments[p.dataIndex];
      if (dep) {
        location.href = '/reports?agencyCode=' + encodeURIComponent(dep.agencyCode) + '&includeSubAgencies=true&year=' + year;
      }
    });

    var body = document.querySelector('#dash-departments tbody');
    body.textContent = '';
    d.departments.forEach(function (dep) {
      var f = dep.figures;
      var tr = document.createElement('tr');
      var own = dep.agencyCode === agency;
      cell(tr, link('/reports?agencyCode=' + encodeURIComponent(dep.agencyCode) + '&includeSubAgencies=' + !own + '&year=' + year, dep.name));
      cell(tr, f.received);
      cell(tr, link('/reports/cells?agencyCode=' + encodeURIComponent(dep.agencyCode) + '&includeSubAgencies=' + !own +
        '&year=' + year + '&row=TOTAL_PROCESSED&column=TOTAL', String(f.answered)));
      cell(tr, f.medianWorkingDays === null ? '–' : f.medianWorkingDays);
      cell(tr, f.p90WorkingDays === null ? '–' : f.p90WorkingDays);
      cell(tr, f.late);
      cell(tr, percent(f.overdueRate));
      body.appendChild(tr);
    });
  }

  document.getElementById('dash-print').addEventListener('click', function () { window.print(); });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });

  fetch('/api/dashboard?agencyCode=' + encodeURIComponent(agency) + '&year=' + year,
    {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
    .then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (p) { throw new Error(p.detail || ('读取失败（' + r.status + '）')); });
      }
      return r.json();
    })
    .then(draw)
    .catch(function (e) {
      var error = document.getElementById('dash-error');
      error.textContent = e.message || '读取失败';
      error.hidden = false;
    });
})();
