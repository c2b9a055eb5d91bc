// The 佐证材料 of a progress report checked in the browser as soon as they are chosen, before anything is sent
// (tasks/detail.html's file field), and the file of the plan, ledger and indicator table imports. A liaison on a slow phone network who picks a 30 MB photo hears at once that it is
// too large, instead of after uploading it. The limit, the kinds and the sentences are the server's: the field carries
// them as data-* attributes (services/file_fields.file_field_attributes, the limit from the app's config), so nothing
// is written twice; {name} in a sentence stands for the file's name; data-wrong-type-<extension>, when the field has
// it, is said instead of data-wrong-type for a file of that extension (a plan saved as .doc: save it as .docx). The server checks every file again, and its content.
// Said like the server's refusal: the field marked is-invalid, the reasons under it (#data-error-id), then what to
// do (data-unsent); a submit with a refused file is stopped there and the field brought to the middle of the screen.
// Files each within the limit but together over the request's (MAX_CONTENT_LENGTH: the 413 page) are said too.
// Loaded after the page by the templates of those forms, before their other scripts (ledger-import.js disables the
// button of a form only when no check here stopped its submit); no inline script under the CSP.
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
        say(input.hasAttribute("data-wrong-type-" + extension) ? "data-wrong-type-" + extension : "data-wrong-type",
            file.name);
      }
    });
    if (maxTotal && total > maxTotal && !said.length) {
      said.push(input.getAttribute("data-too-large-total")); // each file within its limit, together over the request's
    }
    return said;
  }

  function show(input, said) {
    var boxId = input.getAttribute("data-error-id");
    var box = document.getElementById(boxId);
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
      box.id = boxId;
      input.parentNode.insertBefore(box, input.nextSibling);
    }
    box.textContent = "";
    said.concat([input.getAttribute("data-unsent")]).forEach(function (sentence) {
      var line = document.createElement("div");
      line.textContent = sentence;
      box.appendChild(line);
    });
    input.classList.add("is-invalid");
    input.setAttribute("aria-describedby", boxId);
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
