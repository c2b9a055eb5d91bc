// The words of a progress report kept in this browser until they are stored (tasks/detail.html's 报送进展 form,
// <form data-draft-key="USER:TASK">). A liaison types a long 进展情况 on her phone, is called away, and sends it after
// the two-hour idle timeout: the server cannot keep what a signed-out visitor sent, so the form's texts are kept here
// (localStorage, one entry per user and task, written as she types) and put back into the empty fields when she opens
// the form again after signing in; she checks them and sends. What is kept, and when it goes:
// - kept: 进展情况, 存在问题, 下步计划, 完成值 and 完成状态 (files cannot be kept: she chooses them again, and the
//   notice that says the words were put back says so);
// - put back only into a fresh form: not into the form the server sent back after refusing it (data-draft-returned);
// - removed when the report is stored (the page after it carries data-draft-stored), when she presses 清除,
//   after DRAFT_DAYS days, and when another account opens a task page in this browser (a draft is its author's only);
// - every draft of the browser is removed when anyone signs out (<form data-forget-drafts>, the top bar's 退出),
//   so that nothing typed stays on a shared computer after 退出; the sign-out answer also sends Clear-Site-Data.
// Loaded on every page (base.html), after the page; no inline script under the CSP.
(function () {
  var PREFIX = "tracker-draft:";
  var DRAFT_DAYS = 7;
  var FIELDS = ["progress", "problems", "next_steps", "achieved_value", "status"];
  var storage;
  try {
    storage = window.localStorage;
    storage.getItem(PREFIX);
  } catch (error) {
    return; // storage turned off (a private window on some phones): the form works as before
  }

  function draftKeys() {
    var keys = [];
    for (var i = 0; i < storage.length; i += 1) {
      var key = storage.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        keys.push(key);
      }
    }
    return keys;
  }

  function forget(keys) {
    keys.forEach(function (key) { storage.removeItem(key); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-forget-drafts]"), function (signOut) {
    signOut.addEventListener("submit", function () { forget(draftKeys()); });
  });

  var form = document.querySelector("form[data-draft-key]");
  if (!form) {
    return;
  }
  var owner = form.getAttribute("data-draft-key").split(":")[0] + ":";
  var key = PREFIX + form.getAttribute("data-draft-key");
  forget(draftKeys().filter(function (other) { return other.indexOf(PREFIX + owner) !== 0; }));
  if (form.hasAttribute("data-draft-stored")) {
    storage.removeItem(key);
  }

  function field(name) {
    return form.elements.namedItem(name);
  }

  function read() {
    try {
      var draft = JSON.parse(storage.getItem(key) || "null");
      if (draft && draft.fields && Date.now() - draft.saved < DRAFT_DAYS * 86400000) {
        return draft;
      }
    } catch (error) { /* a damaged entry: dropped below */ }
    storage.removeItem(key);
    return null;
  }

  function save() {
    var fields = {};
    var typed = false;
    FIELDS.forEach(function (name) {
      var input = field(name);
      if (input && input.value) {
        fields[name] = input.value;
        typed = typed || name !== "status";
      }
    });
    try {
      if (typed) {
        storage.setItem(key, JSON.stringify({ saved: Date.now(), fields: fields }));
      } else {
        storage.removeItem(key);
      }
    } catch (error) { /* storage full: the form still sends */ }
  }

  // How long ago the copy was written, in words ("2 小时前"): the difference of two readings of this browser's clock,
  // right however far that clock is from Beijing time or in whatever time zone it is set. A time of day read from it
  // ("12月6日 09:30") could disagree with the server's Beijing times on the same page (the reports' 报送时间) and
  // mislead her on which copy is newer; an age cannot. A clock set back since (a negative age) says no time.
  function age(milliseconds) {
    var minutes = Math.floor(milliseconds / 60000);
    if (minutes < 0) {
      return "此前";
    }
    if (minutes < 1) {
      return "刚才";
    }
    if (minutes < 60) {
      return minutes + " 分钟前";
    }
    if (minutes < 24 * 60) {
      return Math.floor(minutes / 60) + " 小时前";
    }
    return Math.floor(minutes / (24 * 60)) + " 天前";
  }

  var draft = read();
  var notice = document.getElementById("draft-restored");
  // Only a fresh form is filled: a form the server sent back after refusing it (data-draft-returned) holds what she
  // sent, the same words as this copy, even with 进展情况 left empty (the refusal's reason): putting them back and
  // saying "已填回" would say her words came from this browser when the server kept them.
  var progress = field("progress");
  if (draft && progress && !progress.value && !form.hasAttribute("data-draft-returned")) {
    var restored = false;
    FIELDS.forEach(function (name) {
      var input = field(name);
      var value = draft.fields[name];
      var offered = input && input.tagName === "SELECT"
        ? Array.prototype.some.call(input.options, function (option) { return option.value === value; }) : true;
      if (input && value && offered) {
        input.value = value;
        restored = restored || name !== "status";
      }
    });
    if (restored && notice) {
      notice.querySelector("[data-draft-time]").textContent = age(Date.now() - draft.saved);
      notice.hidden = false;
      // On a phone the form is screens below the top of the page: open it at the words put back (once the page has
      // loaded, or the browser puts the scroll back to the top).
      var card = form.closest(".action-card") || notice; // its heading too, clear of the sticky jump links
      var show = function () { card.scrollIntoView({ block: "start", behavior: "instant" }); };
      if (document.readyState === "complete") {
        show();
      } else {
        window.addEventListener("load", show);
      }
      notice.querySelector("[data-draft-clear]").addEventListener("click", function () {
        FIELDS.forEach(function (name) {
          var input = field(name);
          if (input && input.tagName !== "SELECT") {
            input.value = "";
          }
        });
        storage.removeItem(key);
        notice.hidden = true;
      });
    }
  }
  form.addEventListener("input", save);
  form.addEventListener("change", save);
})();
