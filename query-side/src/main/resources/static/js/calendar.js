// 节假日安排 (administrators): read a holidays-cn JSON file or typed dates, preview which deadlines the notice moves
// (GET /api/deadlines/calendar-preview on the query side), then load it (PUT /api/admin/calendar/{year}).
(function () {
  'use strict';

  var form = document.getElementById('calendar-form');
  if (!form) { return; }
  var result = document.getElementById('calendar-result');
  var error = document.getElementById('calendar-error');
  var names = {};

  function dates(text) {
    return (text || '').split(/[\s,，、;；]+/).map(function (d) { return d.trim(); }).filter(Boolean);
  }

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
  }

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text != null) { e.textContent = text; }
    if (className) { e.className = className; }
    return e;
  }

  document.getElementById('calendar-file').addEventListener('change', function (event) {
    var file = event.target.files[0];
    if (!file) { return; }
    file.text().then(function (text) {
      var notice = JSON.parse(text);
      var off = [], work = [];
      names = {};
      (notice.days || []).forEach(function (d) {
        (d.isOffDay ? off : work).push(d.date);
        names[d.date] = d.name || '';
      });
      if (notice.year) { document.getElementById('calendar-year').value = notice.year; }
      document.getElementById('calendar-off').value = off.join('\n');
      document.getElementById('calendar-work').value = work.join('\n');
      document.getElementById('calendar-paper').value = (notice.papers || []).join(' ');
      error.hidden = true;
      preview();
    }).catch(function (e) { fail('文件不是有效的 JSON：' + e.message); });
  });

  function query() {
    var params = new URLSearchParams();
    params.set('year', document.getElementById('calendar-year').value);
    dates(document.getElementById('calendar-off').value).forEach(function (d) { params.append('off', d); });
    dates(document.getElementById('calendar-work').value).forEach(function (d) { params.append('work', d); });
    return params;
  }

  async function preview() {
    error.hidden = true;
    result.textContent = '正在计算…';
    try {
      var response = await fetch(form.dataset.preview + '?' + query(), {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
      var json = await response.json();
      result.textContent = '';
      if (!response.ok) {
        fail((json.errors && json.errors.length ? json.errors.map(function (e) { return e.message; }).join('；') : json.detail) || '无法预览');
        return;
      }
      result.appendChild(el('h3', json.year + '年：放假 ' + json.offDays + ' 天，调休上班 ' + json.workDays + ' 天'
        + (json.replacing ? '（将替换已导入的安排）' : '')));
      if (!json.moved.length) {
        result.appendChild(el('p', '导入后没有办理中的申请期限发生变化。', 'muted'));
        return;
      }
      result.appendChild(el('p', '导入后以下 ' + json.moved.length + ' 个期限将变化：'));
      var table = el('table', null, 'list');
      table.id = 'calendar-moves';
      var head = table.createTHead().insertRow();
      ['受理编号', '申请人', '期限', '现在', '导入后'].forEach(function (h) { var th = el('th', h); th.scope = 'col'; head.appendChild(th); });
      var body = table.createTBody();
      json.moved.forEach(function (m) {
        var row = body.insertRow();
        var link = el('a', m.trackingNo);
        link.href = '/requests/' + m.requestId;
        row.insertCell().appendChild(link);
        row.insertCell().textContent = m.applicantName;
        row.insertCell().textContent = m.deadline;
        row.insertCell().textContent = m.before || '待导入节假日安排';
        row.insertCell().textContent = m.after || '待导入节假日安排';
      });
      result.appendChild(table);
    } catch (e) {
      fail('无法预览：' + e.message);
    }
  }

  document.getElementById('calendar-preview').addEventListener('click', preview);

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    var year = document.getElementById('calendar-year').value;
    if (!window.confirm('导入' + year + '年节假日安排后，所有跨入该年度的期限将按新安排计算。确定导入？')) { return; }
    var days = [];
    dates(document.getElementById('calendar-off').value).forEach(function (d) { days.push({name: names[d] || '', date: d, isOffDay: true}); });
    dates(document.getElementById('calendar-work').value).forEach(function (d) { days.push({name: names[d] || '', date: d, isOffDay: false}); });
    var paper = document.getElementById('calendar-paper').value.trim();
    var button = document.getElementById('calendar-save');
    button.disabled = true;
    try {
      var response = await fetch('/api/admin/calendar/' + encodeURIComponent(year), {
        method: 'PUT', credentials: 'include',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'tracker-web'},
        body: JSON.stringify({year: Number(year), papers: paper ? [paper] : [], days: days})
      });
      var text = await response.text();
      var json = text ? JSON.parse(text) : {};
      if (response.status === 401) { location.assign(location.pathname); return; }
      if (!response.ok) {
        fail((json.errors && json.errors.length ? json.errors.map(function (e) { return e.message; }).join('；') : json.detail) || '导入未成功');
        return;
      }
      try { sessionStorage.setItem('tracker.done', JSON.stringify({text: '已导入' + json.year + '年节假日安排（' + json.days + ' 个日期）', at: Date.now()})); } catch (ignored) { /* no note */ }
      location.reload();
    } catch (e) {
      fail('无法连接服务器：' + e.message);
    } finally {
      button.disabled = false;
    }
  });
})();
