// A form sent while the phone has no network (a lift, a tunnel, Wi-Fi dropped at 10 pm): the browser would leave the
// page for its own error page, in English ("ERR_INTERNET_DISCONNECTED"), and the photos chosen as 佐证材料 would be
// gone. Instead nothing is sent and the page stays as it is, with a sentence in Chinese above the button pressed saying
// that nothing was sent, that the words and files are still here, and what to do; when the network comes back the
// sentence says so. Every form that posts (method="post"), on every page (base.html); the document's capture phase runs
// before the forms' own submit handlers (attachment-check.js, ledger-import.js), which then see the submit stopped.
// A network that is up but a server that cannot be reached is the browser's to say. No inline script under the CSP.
(function () {
  var BOX_ID = "offline-notice";

  function notice(form, button) {
    var box = document.getElementById(BOX_ID);
    if (!box) {
      box = document.createElement("div");
      box.id = BOX_ID;
      box.className = "alert alert-warning mt-2 mb-2";
      box.setAttribute("role", "alert");
    }
    var anchor = button && form.contains(button) ? button : form.lastElementChild;
    if (anchor && anchor.parentNode) {
      anchor.parentNode.insertBefore(box, anchor);
    } else {
      form.appendChild(box);
    }
    return box;
  }

  function caption(button) {
    var text = button ? (button.innerText || button.value || "").trim() : "";
    return text ? "“" + text + "”" : "提交";
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (navigator.onLine !== false || (form.getAttribute("method") || "").toLowerCase() !== "post") {
      return;
    }
    event.preventDefault();
    var button = event.submitter;
    var box = notice(form, button);
    box.textContent = "网络已断开，刚才没有发送，系统里没有保存。填写的内容和选好的附件都还在本页，请不要关闭或刷新；" +
      "连上网络（Wi-Fi 或移动数据）后再按一次" + caption(button) + "。";
    box.setAttribute("data-button", caption(button));
    box.scrollIntoView({ block: "center", behavior: "instant" });
  }, true);

  window.addEventListener("online", function () {
    var box = document.getElementById(BOX_ID);
    if (box) {
      box.className = "alert alert-info mt-2 mb-2";
      box.textContent = "网络已恢复，刚才的内容还没有发送：请核对后按" + box.getAttribute("data-button") + "。";
    }
  });
})();
