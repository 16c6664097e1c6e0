// The applicant's pages: the online application (POST /public/applications, to the command side through the
// single address) and the status lookup (GET /public/status). No login, no cookies, nothing from the internet.
(function () {
  'use strict';

  var forms = window.TrackerForms;
  var commandBase = forms.commandBase;
  var setPath = forms.setPath;
  var clearErrors = forms.clearErrors;
  var showError = forms.showError;

  function showProblem(form, problem) {
    forms.showProblem(form, problem, '提交未成功');
  }

  async function readJson(response) {
    var text = await response.text();
    try { return text ? JSON.parse(text) : {}; } catch (e) { return {detail: text}; }
  }

  function throttledText(response, json) {
    return json.detail || ('操作过于频繁，请' + (response.headers.get('Retry-After') || '稍后') + '秒后再试');
  }

  // 在线申请
  var apply = document.querySelector('form[data-public-apply]');
  if (apply) {
    apply.addEventListener('submit', async function (event) {
      event.preventDefault();
      clearErrors(apply);
      var body = {};
      apply.querySelectorAll('input[name], select[name], textarea[name]').forEach(function (el) {
        if (el.value !== '') { setPath(body, el.name, el.value); }
      });
      var button = apply.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        var response = await fetch(commandBase() + apply.dataset.publicApply, {
          method: 'POST', credentials: 'omit',
          headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
          body: JSON.stringify(body)
        });
        var json = await readJson(response);
        if (!response.ok) {
          if (response.status === 429) { showError(apply, throttledText(response, json)); return; }
          showProblem(apply, json);
          return;
        }
        document.getElementById('receipt-no').textContent = json.applicationNo;
        document.getElementById('receipt-code').textContent = json.accessCode;
        apply.hidden = true;
        var receipt = document.getElementById('apply-receipt');
        receipt.hidden = false;
        receipt.scrollIntoView({block: 'start'});
      } catch (e) {
        showError(apply, '无法连接服务器，请稍后重试（' + e.message + '）');
      } finally {
        button.disabled = false;
      }
    });
    var print = document.getElementById('receipt-print');
    if (print) { print.addEventListener('click', function () { window.print(); }); }
  }

  // 进度查询
  var lookup = document.querySelector('form[data-public-lookup]');
  if (lookup) {
    var challenge = document.getElementById('lookup-challenge');

    var askChallenge = async function () {
      var response = await fetch('/public/challenge', {credentials: 'omit', headers: {'Accept': 'application/json'}});
      var json = await readJson(response);
      if (!response.ok) {
        challenge.hidden = true;
        throw new Error(json.detail || '暂时无法获取验证题');
      }
      document.getElementById('lookup-question').textContent = '验证：' + json.question;
      document.getElementById('lookup-challenge-id').value = json.challengeId;
      document.getElementById('lookup-answer').value = '';
      challenge.hidden = false;
    };

    var fill = function (id, value) { document.getElementById(id).textContent = value || '—'; };

    lookup.addEventListener('submit', async function (event) {
      event.preventDefault();
      clearErrors(lookup);
      document.getElementById('lookup-result').hidden = true;
      var url = new URL(lookup.dataset.publicLookup, location.href);
      ['no', 'code', 'challengeId', 'answer'].forEach(function (name) {
        var el = lookup.querySelector('[name="' + name + '"]');
        if (el && el.value.trim() !== '' && (name !== 'challengeId' && name !== 'answer' || !challenge.hidden)) {
          url.searchParams.set(name, el.value.trim());
        }
      });
      var button = lookup.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        var response = await fetch(url, {credentials: 'omit', headers: {'Accept': 'application/json'}});
        var json = await readJson(response);
        if (response.status === 428) {
          await askChallenge();
          showError(lookup, json.detail || '请先回答验证题');
          return;
        }
        if (!response.ok) {
          if (!challenge.hidden && response.status !== 429) { await askChallenge(); }
          showError(lookup, response.status === 404 ? '查询号或查询码不正确，请核对后重试' : (json.detail || '查询未成功'));
          return;
        }
        challenge.hidden = true;
        fill('status-no', json.no);
        fill('status-state', json.stateLabel);
        fill('status-tracking', json.trackingNo);
        fill('status-submitted', json.submittedOn);
        fill('status-received', json.receivedOn);
        fill('status-due', json.answerDueOn);
        fill('status-answered', json.answeredOn);
        fill('status-outcome', json.outcomeLabel);
        document.getElementById('lookup-result').hidden = false;
      } catch (e) {
        var message = (e && e.message) || '';
        showError(lookup, /验证|频繁/.test(message) ? message : '无法连接服务器，请稍后重试（' + message + '）');
      } finally {
        button.disabled = false;
      }
    });
  }
})();
