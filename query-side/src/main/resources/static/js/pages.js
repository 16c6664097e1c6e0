// 依申请公开案件管理 — what every page does besides sending steps (app.js): the confirmation of the step just saved,
// the mark on required fields, filters that apply as soon as they change, and the skip link's target.
(function () {
  'use strict';

  var main = document.querySelector('main');
  if (main && !document.getElementById('main')) { main.id = 'main'; }
  if (main && !main.hasAttribute('tabindex')) { main.setAttribute('tabindex', '-1'); }

  // 已保存：补正告知 — kept by app.js before the page reloads at the new events' position, shown once
  function showDone() {
    var done;
    try { done = JSON.parse(sessionStorage.getItem('tracker.done') || 'null'); } catch (e) { done = null; }
    sessionStorage.removeItem('tracker.done');
    if (!done || !main || Date.now() - done.at > 60 * 1000 || document.getElementById('created')) { return; }
    var note = document.createElement('div');
    note.className = 'alert ok';
    note.id = 'done';
    note.setAttribute('role', 'status');
    note.textContent = done.text;
    main.insertBefore(note, main.firstChild);
  }

  // a red * after the label's own words of every required field (the label still names the field to a screen reader)
  function markRequired() {
    document.querySelectorAll('label').forEach(function (label) {
      var field = label.querySelector('input[required], select[required], textarea[required]');
      if (!field || field.type === 'hidden' || label.querySelector('.req') || label.closest('.login')) { return; }
      var mark = document.createElement('span');
      mark.className = 'req';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = '*';
      // the label's words and the mark in one line (labels lay their parts out in a column)
      var text = Array.prototype.find.call(label.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
      var line = document.createElement('span');
      line.className = 'label-text';
      if (text) {
        label.insertBefore(line, text);
        line.appendChild(text);
      } else {
        label.insertBefore(line, label.firstChild);
      }
      line.appendChild(mark);
    });
  }

  // search forms (class filters, method get) apply on every change: no 筛选 button to remember
  function applyFiltersOnChange() {
    document.querySelectorAll('form.filters').forEach(function (form) {
      if ((form.getAttribute('method') || 'get').toLowerCase() !== 'get') { return; }
      form.addEventListener('change', function (event) {
        // not a date: its change fires while the year is still being typed; it applies with Enter or 筛选
        if (event.target.matches('select, input[type=checkbox], input[type=radio]')) {
          form.requestSubmit ? form.requestSubmit() : form.submit();
        }
      });
    });
  }

  showDone();
  markRequired();
  applyFiltersOnChange();
})();
