// 文书 panel of the case page. 生成 needs no code here: its forms carry data-command, which app.js sends like every
// other step. 打印 opens the issued PDF in a tab of its own and asks the browser to print it there (the API's
// answers may not be framed, so the PDF is not printed from a hidden frame of this page).
(function () {
  'use strict';

  function print(url) {
    var tab = window.open(url, '_blank');
    if (!tab) {
      location.href = url;
      return;
    }
    tab.addEventListener('load', function () {
      try { tab.focus(); tab.print(); } catch (e) { /* the viewer's own print button remains */ }
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-print]');
    if (button) {
      event.preventDefault();
      print(button.getAttribute('data-print'));
    }
  });
})();
