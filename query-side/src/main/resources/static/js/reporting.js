// 年度报告: saves the text sections as a new version (PUT …/annual-report/text, the query side's own write).
(function () {
  'use strict';

  var form = document.getElementById('ar-form');
  if (!form) {
    return;
  }
  var counts = ['rulesIssued', 'rulesRepealed', 'rulesInForce', 'normativeIssued', 'normativeRepealed', 'normativeInForce',
    'licensing', 'punishment', 'enforcement'];

  function value(name) {
    return form.querySelector('[name="' + name + '"]').value;
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    var error = document.getElementById('ar-error');
    error.hidden = true;
    var disclosure = {};
    counts.forEach(function (name) { disclosure[name] = Number(value(name) || 0); });
    disclosure.feesWanYuan = Number(value('feesWanYuan') || 0);
    var body = {basedOnVersion: Number(value('basedOnVersion')), overview: value('overview'),
      activeDisclosure: disclosure, problems: value('problems'), otherItems: value('otherItems')};
    var button = document.getElementById('ar-save');
    button.disabled = true;
    try {
      var response = await fetch(form.dataset.url, {method: 'PUT', credentials: 'same-origin', body: JSON.stringify(body),
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'tracker-web'}});
      var answer = await response.json().catch(function () { return {}; });
      if (response.status === 401) {
        location.href = '/login';
        return;
      }
      if (!response.ok) {
        error.textContent = answer.detail || ('保存失败（' + response.status + '）');
        error.hidden = false;
        return;
      }
      location.reload();
    } catch (e) {
      error.textContent = '无法连接服务器，请稍后再试';
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
})();
