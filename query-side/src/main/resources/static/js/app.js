// 依申请公开案件管理 — the pages' only script. Forms marked data-command send their fields as JSON to the
// command side (with the login session), show refusals next to the fields, and on success reload the page at
// the position of the new events, so the page never shows stale data. Commands go to the pages' own address:
// the proxy in front of both sides sends every write to the command side (deploy/nginx). When the login has
// expired, what was typed is kept in this tab (sessionStorage) through the login and put back afterwards.
(function () {
  'use strict';

  var DRAFT = 'tracker.draft';
  var DRAFT_KEPT_MS = 8 * 60 * 60 * 1000;

  var forms = window.TrackerForms;
  var commandBase = forms.commandBase;
  var setPath = forms.setPath;
  var clearErrors = forms.clearErrors;

  function collect(form) {
    var body = {};
    form.querySelectorAll('input[name], select[name], textarea[name]').forEach(function (el) {
      var type = el.dataset.type;
      var value;
      if (type === 'boolean') {
        value = el.checked;
      } else if (type === 'boolean-value') {
        value = el.value === 'true';
      } else if (el.value === '') {
        return;
      } else if (type === 'number') {
        value = Number(el.value);
      } else {
        value = el.value;
      }
      setPath(body, el.name, value);
    });
    return body;
  }

  function showErrors(form, problem) {
    forms.showProblem(form, problem, '操作未成功');
  }

  function withPosition(url, position) {
    var u = new URL(url, location.href);
    if (position) { u.searchParams.set('minPosition', position); }
    return u.pathname + u.search;
  }

  function keepDraft(form) {
    var fields = [];
    form.querySelectorAll('input[name], select[name], textarea[name]').forEach(function (el) {
      if (el.type === 'password' || el.type === 'file' || el.type === 'hidden') { return; }
      fields.push([el.name, (el.type === 'checkbox' || el.type === 'radio') ? el.checked : el.value]);
    });
    try {
      sessionStorage.setItem(DRAFT, JSON.stringify({
        path: location.pathname, command: form.dataset.command, fields: fields, at: Date.now()
      }));
    } catch (ignored) {
      // storage full or disabled: the login still comes first
    }
  }

  function takeDraft() {
    var draft;
    try { draft = JSON.parse(sessionStorage.getItem(DRAFT) || 'null'); } catch (e) { draft = null; }
    if (draft && Date.now() - draft.at > DRAFT_KEPT_MS) { sessionStorage.removeItem(DRAFT); return null; }
    return draft;
  }

  function notice(before, text) {
    var note = document.createElement('div');
    note.className = 'alert';
    note.setAttribute('role', 'status');
    note.setAttribute('data-draft-notice', '');
    note.textContent = text;
    before.parentNode.insertBefore(note, before);
  }

  // back from the login: the form of this page that was being sent gets its fields again (not sent by itself)
  function restoreDraft() {
    var draft = takeDraft();
    if (!draft) { return; }
    if (document.body.classList.contains('login-page')) {
      var login = document.querySelector('form');
      if (login) { notice(login, '登录已失效，请重新登录。刚才填写的内容已保留，登录后将自动填回。'); }
      return;
    }
    if (draft.path !== location.pathname) { return; }
    var form = Array.prototype.find.call(document.querySelectorAll('form[data-command]'), function (f) {
      return f.dataset.command === draft.command;
    });
    sessionStorage.removeItem(DRAFT);
    if (!form) { return; }
    draft.fields.forEach(function (field) {
      form.querySelectorAll('[name="' + field[0] + '"]').forEach(function (el) {
        if (el.type === 'checkbox' || el.type === 'radio') { el.checked = field[1]; } else { el.value = field[1]; }
      });
    });
    var step = form.closest('details');
    if (step) { step.open = true; }
    notice(form.firstElementChild || form, '已填回登录前填写的内容，请核对后重新提交。');
    form.scrollIntoView({block: 'center'});
  }

  // a confirmation of the step just saved, shown once on the page the save goes back to (pages.js shows it)
  function confirmLater(form, json) {
    var step = form.closest('details');
    var summary = step && step.querySelector('summary');
    var button = form.querySelector('button[type=submit]');
    var what = form.dataset.done || (summary ? summary.textContent.trim() : (button ? button.textContent.trim() : '操作'));
    var text = '已保存：' + what + (json && typeof json.carriedOver === 'number' ? '，结转 ' + json.carriedOver + ' 件' : '');
    try { sessionStorage.setItem('tracker.done', JSON.stringify({text: text, at: Date.now()})); } catch (ignored) { /* no storage: no note */ }
  }

  async function submit(form, event) {
    event.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { return; }
    clearErrors(form);
    var button = form.querySelector('button[type=submit]');
    if (button) { button.disabled = true; }
    try {
      var response = await fetch(commandBase() + form.dataset.command, {
        method: form.dataset.method || 'POST', // PUT for the few writes API.md gives as PUT (a letterhead)
        credentials: 'include',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'tracker-web'},
        body: JSON.stringify(collect(form))
      });
      var text = await response.text();
      var json = text ? JSON.parse(text) : {};
      if (!response.ok) {
        if (response.status === 401) {
          // the login expired: keep the input, open this page again, which goes through the login form and back
          keepDraft(form);
          location.assign(location.pathname + location.search);
          return;
        }
        showErrors(form, json);
        return;
      }
      confirmLater(form, json);
      var position = response.headers.get('X-Event-Position');
      if (form.dataset.after === 'detail' && json.requestId) {
        location.href = withPosition('/requests/' + json.requestId + '?created=1', position);
      } else {
        var here = new URL(location.href);
        here.searchParams.delete('created');
        location.href = withPosition(here.pathname + here.search, position);
      }
    } catch (e) {
      showErrors(form, {detail: '无法连接服务器，请稍后重试（' + e.message + '）'});
    } finally {
      if (button) { button.disabled = false; }
    }
  }

  // 收费通知: asks the query side what 国办函〔2020〕109号's tiers give, shows how, and proposes it as the amount
  // (staff may change it, with a reason).
  async function proposeFee(form) {
    var slot = form.querySelector('[data-fee-proposal]');
    var basis = form.querySelector('[data-fee-basis]').value;
    var quantity = form.querySelector('[data-fee-quantity]').value;
    var notice = form.querySelector('[name="noticeOn"]').value;
    var url = new URL(slot.dataset.feeProposal, location.href);
    url.searchParams.set('basis', basis);
    url.searchParams.set(basis === 'PER_VOLUME' ? 'pages' : 'items', quantity || '1');
    if (notice) { url.searchParams.set('noticeOn', notice); }
    try {
      var response = await fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
      var json = await response.json();
      if (!response.ok) { slot.textContent = json.detail || '无法计算建议金额'; return; }
      slot.textContent = (json.applicable ? '建议金额：' : '') + json.explanation;
      var amount = form.querySelector('[data-fee-amount]');
      if (json.applicable && (!amount.value || amount.dataset.proposed === amount.value)) {
        amount.value = json.amountYuan;
        amount.dataset.proposed = amount.value;
      }
    } catch (e) {
      slot.textContent = '无法计算建议金额：' + e.message;
    }
  }

  document.querySelectorAll('[data-fee-proposal]').forEach(function (slot) {
    var form = slot.closest('form');
    form.addEventListener('change', function (event) {
      if (event.target.matches('[data-fee-basis], [data-fee-quantity], [name="noticeOn"]')) { proposeFee(form); }
    });
    proposeFee(form);
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.command) { submit(form, event); }
    // 退出: nothing typed stays behind in the tab
    if (form.getAttribute('action') && /\/logout$/.test(form.getAttribute('action'))) { sessionStorage.removeItem(DRAFT); }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', restoreDraft);
  } else {
    restoreDraft();
  }
})();
