// The 佐证材料 of a progress report checked in the browser as soon as they are chosen, before anything is sent
// (tasks/detail.html's file field). A liaison on a slow phone network who picks a 30 MB photo hears at once that it is
// too large, instead of after uploading it. The limit, the kinds and the sentences are the server's: the field carries
// them as data-* attributes (services/attachments.field_attributes, the limit from the app's config), so nothing is
// written twice; {name} in a sentence stands for the file's name. The server checks every file again, and its content.
// Said like the server's refusal: the field marked is-invalid, the reasons under it (#attachments-error), then what to
// do (data-unsent); a submit with a refused file is stopped there and the field brought to the middle of the screen.
// Files each within the limit but together over the request's (MAX_CONTENT_LENGTH: the 413 page) are said too.
// Loaded by tasks/detail.html, after the page; no inline script under the CSP.
(function () {
  var fields = document.querySelectorAll("input[type=file][data-max-bytes]");

  function check(input) {
    var maxBytes = parseInt(input.getAttribute("data-max-bytes"), 10);
    var maxFiles = parseInt(input.getAttribute("data-max-files"), 10);
    var kinds = input.getAttribute("data-extensions").split(" ");
    var maxTotal = parseInt(input.getAttribute("data-max-total") || "0", 10);
    var files = Array.prototype.slice.call(input.files || []);
    var total = 0;
    var said = [];
    function say(attribute, name) {
      said.push(input.getAttribute(attribute).split("{name}").join(name));
    }
    if (files.length > maxFiles) {
      said.push(input.getAttribute("data-too-many"));
    }
    files.forEach(function (file) {
      var dot = file.name.lastIndexOf(".");
      var extension = dot < 0 ? "" : file.name.slice(dot + 1).toLowerCase();
      total += file.size;
      if (file.size === 0) {
        say("data-empty", file.name);
      } else if (file.size > maxBytes) {
        say("data-too-large", file.name);
      } else if (kinds.indexOf(extension) < 0) {
        say("data-wrong-type", file.name);
      }
    });
    if (maxTotal && total > maxTotal && !said.length) {
      said.push(input.getAttribute("data-too-large-total")); // each file within its limit, together over the request's
    }
    return said;
  }

  function show(input, said) {
    var box = document.getElementById("attachments-error");
    if (!said.length) {
      // Files chosen again: whatever was said of the files before (here or by the server) no longer holds.
      input.classList.remove("is-invalid");
      input.removeAttribute("aria-describedby");
      if (box) {
        box.parentNode.removeChild(box);
      }
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.className = "invalid-feedback";
      box.id = "attachments-error";
      input.parentNode.insertBefore(box, input.nextSibling);
    }
    box.textContent = "";
    said.concat([input.getAttribute("data-unsent")]).forEach(function (sentence) {
      var line = document.createElement("div");
      line.textContent = sentence;
      box.appendChild(line);
    });
    input.classList.add("is-invalid");
    input.setAttribute("aria-describedby", "attachments-error");
  }

  Array.prototype.forEach.call(fields, function (input) {
    input.addEventListener("change", function () {
      show(input, check(input));
    });
    if (input.form) {
      input.form.addEventListener("submit", function (event) {
        var said = check(input);
        if (said.length) {
          event.preventDefault();
          show(input, said);
          input.focus({ preventScroll: true });
          input.scrollIntoView({ block: "center", behavior: "instant" });
        }
      });
    }
  });
})();
