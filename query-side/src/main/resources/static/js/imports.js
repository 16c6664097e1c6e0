// 批量导入: sends the chosen file to the command side's POST /api/imports (through the single address), first as
// a dry run if asked, and lists every refused row and field.
(function () {
  'use strict';

  var form = document.getElementById('import-form');
  if (!form) {
    return;
  }
  var meta = document.querySelector('meta[name="command-url"]');
  var base = (meta && meta.content) || '';
  var mode = 'dry';
  form.querySelectorAll('button[name="mode"]').forEach(function (b) {
    b.addEventListener('click', function () { mode = b.value; });
  });

  function text(el, value) {
    el.textContent = value;
    return el;
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    var file = document.getElementById('import-file').files[0];
    if (!file) {
      return;
    }
    var data = new FormData();
    data.append('file', file, file.name);
    var url = base + '/api/imports?dryRun=' + (mode === 'dry') + '&agencyCode=' +
      encodeURIComponent(document.getElementById('import-agency').value);
    var result = document.getElementById('import-result');
    var summary = document.getElementById('import-summary');
    var table = document.getElementById('import-refused');
    var body = table.querySelector('tbody');
    body.textContent = '';
    result.hidden = false;
    text(summary, mode === 'dry' ? '正在检查…' : '正在导入…');
    form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    try {
      var response = await fetch(url, {method: 'POST', body: data, credentials: 'same-origin',
        headers: {'Accept': 'application/json', 'X-Requested-With': 'tracker-web'}});
      var answer = await response.json().catch(function () { return {}; });
      if (response.status === 401) {
        location.href = '/login';
        return;
      }
      if (!response.ok) {
        text(summary, answer.detail || ('导入失败（' + response.status + '）'));
        table.hidden = true;
        return;
      }
      var done = answer.dryRun ? '检查完毕：共 ' + answer.rows + ' 行，可导入 ' + answer.accepted + ' 行'
        : '导入完毕：共 ' + answer.rows + ' 行，已登记 ' + answer.accepted + ' 行';
      if (answer.alreadyImported) {
        done += '，' + answer.alreadyImported + ' 行此前已导入（跳过）';
      }
      done += '，' + answer.refused.length + ' 处问题。';
      text(summary, done);
      table.hidden = answer.refused.length === 0;
      answer.refused.forEach(function (p) {
        var tr = document.createElement('tr');
        tr.appendChild(text(document.createElement('td'), p.row ? '第 ' + p.row + ' 行' : '表头'));
        tr.appendChild(text(document.createElement('td'), p.field || ''));
        tr.appendChild(text(document.createElement('td'), p.message));
        body.appendChild(tr);
      });
    } catch (e) {
      text(summary, '无法连接服务器，请稍后再试');
    } finally {
      form.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
    }
  });
})();
