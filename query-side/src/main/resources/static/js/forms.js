// What the staff pages (app.js) and the applicants' pages (public.js) do alike with a form: where commands go, how
// a field's dotted name becomes the JSON body, and how a problem+json refusal is shown next to its fields.
(function () {
  'use strict';

  function commandBase() {
    // empty unless a deployment deliberately serves the command side elsewhere (tracker.command-url)
    var meta = document.querySelector('meta[name="command-url"]');
    return (meta && meta.content) || '';
  }

  function setPath(target, path, value) {
    var parts = path.split('.');
    for (var i = 0; i < parts.length - 1; i++) {
      target = target[parts[i]] = target[parts[i]] || {};
    }
    target[parts[parts.length - 1]] = value;
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (e) { e.textContent = ''; });
    form.querySelectorAll('.invalid').forEach(function (e) { e.classList.remove('invalid'); });
    var general = form.querySelector('[data-form-error]');
    if (general) { general.hidden = true; general.textContent = ''; }
  }

  function showError(form, text) {
    var general = form.querySelector('[data-form-error]');
    if (general) { general.textContent = text; general.hidden = false; }
  }

  // each field's refusal beside the field; what has no place of its own (or is no 400) in the form's banner
  function showProblem(form, problem, fallback) {
    var unplaced = [];
    (problem.errors || []).forEach(function (err) {
      var slot = form.querySelector('[data-error-for="' + err.field + '"]');
      var input = form.querySelector('[name="' + err.field + '"]');
      if (slot) { slot.textContent = err.message; } else { unplaced.push(err.message); }
      if (input) { input.classList.add('invalid'); }
    });
    if (!problem.errors || unplaced.length || problem.status !== 400) {
      showError(form, unplaced.length ? unplaced.join('；') : (problem.detail || problem.title || fallback));
    }
  }

  window.TrackerForms = {
    commandBase: commandBase, setPath: setPath, clearErrors: clearErrors, showError: showError, showProblem: showProblem
  };
})();
