// Ledger import pages, the plan upload and the 催办 forms of 报送情况: while a form marked data-busy is being processed,
// disable its button and say so (a 10,000-row ledger or a long plan takes a few seconds); ask first where the form
// has data-confirm (a revert; a 催办 sending one reminder per lit task; 申请办结, the office's 审核办结 and 办结, and
// 发布通报, each saying what follows).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) {
        return; // a file refused in the browser (attachment-check.js): nothing is sent, the button stays
      }
      var question = form.getAttribute("data-confirm");
      if (question && !window.confirm(question)) {
        event.preventDefault();
        return;
      }
      form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) {
        button.disabled = true;
      });
      var note = form.querySelector(".busy-note");
      if (note) {
        note.textContent = form.getAttribute("data-busy");
        note.classList.remove("d-none");
      }
    });
  });
});
