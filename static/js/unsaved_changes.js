// Nothing typed is lost without a word. A form marked data-unsaved-guard is "dirty" when its values
// differ from those it was drawn with, or when it was drawn from input that is not saved yet
// (data-unsaved="true": a refused form, or input kept over an expired session). While it is dirty:
//  - a link to another page of the site, the language switcher and any other form of the page
//    open the dialog #unsaved-changes-dialog: stay, leave without saving, or save and go on (the
//    form is sent with go_to / then_language, and the server goes there once it has saved);
//  - leaving the site, reloading or closing the tab trigger the browser's own warning (beforeunload);
//  - when the session ends while the page is open, the form is sent, to be kept over the sign-in.
// A form marked data-unsent-file-guard also asks (#unsent-file-dialog) when "Continue" is pressed
// with a file chosen but not uploaded: upload it and continue, continue without it, or stay.
(function () {
  "use strict";
  var form = document.querySelector("form[data-unsaved-guard]");
  if (!form) {
    return;
  }
  var dialog = document.getElementById("unsaved-changes-dialog");
  var fileDialog = document.getElementById("unsent-file-dialog");
  var MANAGEMENT = /-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/;
  var IGNORED = { csrfmiddlewaretoken: true, go_to: true, then_language: true };

  // The form's values, without the bookkeeping fields and the empty ones (so that adding a blank
  // formset row is not a change, while clearing a field is).
  function snapshot() {
    var parts = [];
    new FormData(form).forEach(function (value, name) {
      if (IGNORED[name] || MANAGEMENT.test(name)) {
        return;
      }
      var text = typeof value === "string" ? value : value.name ? "file:" + value.name + ":" + value.size : "";
      if (text !== "") {
        parts.push(name + "=" + text);
      }
    });
    return parts.sort().join("&");
  }

  // The values the page was drawn with (the HTML's defaults), not those in the fields when this
  // script runs: on a slow phone a person may type before it has loaded, and that is not saved.
  function drawnSnapshot() {
    var parts = [];
    function add(name, value) {
      if (value !== "") {
        parts.push(name + "=" + value);
      }
    }
    Array.prototype.forEach.call(form.elements, function (field) {
      var name = field.name;
      var type = (field.type || "").toLowerCase();
      if (!name || field.disabled || IGNORED[name] || MANAGEMENT.test(name)) {
        return;
      }
      if (/^(file|submit|button|reset|image)$/.test(type) || field.tagName === "BUTTON" || field.tagName === "FIELDSET") {
        return;
      }
      if (type === "checkbox" || type === "radio") {
        if (field.defaultChecked) {
          add(name, field.value);
        }
      } else if (field.tagName === "SELECT") {
        var chosen = Array.prototype.filter.call(field.options, function (option) {
          return option.defaultSelected;
        });
        if (!chosen.length && !field.multiple && field.options.length) {
          chosen = [field.options[0]]; // what a single select sends when the HTML selects nothing
        }
        chosen.forEach(function (option) {
          add(name, option.value);
        });
      } else {
        add(name, field.defaultValue);
      }
    });
    return parts.sort().join("&");
  }

  var initial = drawnSnapshot();
  var preset = form.getAttribute("data-unsaved") === "true";
  var sending = false; // the guarded form itself is being sent
  var leaving = false; // the person chose to leave

  function isDirty() {
    return !sending && !leaving && (preset || snapshot() !== initial);
  }

  function chosenFile() {
    var input = form.querySelector("input[type=file]");
    return input && input.files && input.files.length ? input : null;
  }

  function saveButton() {
    return form.querySelector("[data-save-and-go]");
  }

  function sendForm(button) {
    sending = true;
    if (button && form.requestSubmit) {
      form.requestSubmit(button);
    } else {
      form.submit();
    }
  }

  // Opens ``modal`` and calls ``answer(choice)`` with the data-choice of the button pressed
  // ("stay" when it is closed with Escape).
  function ask(modal, answer) {
    function onClick(event) {
      var button = event.target.closest("[data-choice]");
      if (button) {
        finish(button.getAttribute("data-choice"));
      }
    }
    function onCancel(event) {
      event.preventDefault();
      finish("stay");
    }
    function finish(choice) {
      modal.removeEventListener("click", onClick);
      modal.removeEventListener("cancel", onCancel);
      modal.close();
      answer(choice);
    }
    modal.addEventListener("click", onClick);
    modal.addEventListener("cancel", onCancel);
    modal.showModal();
  }

  function askBeforeLeaving(options) {
    var save = dialog.querySelector('[data-choice="save"]');
    save.hidden = !(saveButton() && (options.href || options.language));
    ask(dialog, function (choice) {
      if (choice === "leave") {
        leaving = true;
        options.leave();
      } else if (choice === "save") {
        if (options.href) {
          form.elements.go_to.value = options.href;
        }
        if (options.language) {
          form.elements.then_language.value = options.language;
        }
        sendForm(saveButton());
      }
    });
  }

  // Links to another page of the site.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    if ((link.target && link.target !== "_self") || link.hasAttribute("download")) {
      return;
    }
    var url = new URL(link.href, window.location.href);
    var samePage = url.pathname === window.location.pathname && url.search === window.location.search;
    if (url.origin !== window.location.origin || (samePage && url.hash) || !isDirty()) {
      return; // another site: the browser's warning (beforeunload) covers it
    }
    event.preventDefault();
    askBeforeLeaving({
      href: url.pathname + url.search + url.hash,
      leave: function () {
        window.location.assign(link.href);
      },
    });
  });

  // The language switcher and the page's other forms (log out, delete a file …).
  document.addEventListener(
    "submit",
    function (event) {
      var other = event.target;
      if (other === form || leaving || !isDirty()) {
        return;
      }
      event.preventDefault();
      var submitter = event.submitter;
      var isLanguage = other.hasAttribute("data-language-switcher");
      askBeforeLeaving({
        language: isLanguage && submitter ? submitter.value : "",
        leave: function () {
          if (other.requestSubmit && submitter) {
            other.requestSubmit(submitter);
          } else {
            other.submit();
          }
        },
      });
    },
    true
  );

  // The guarded form itself: "Continue" with a file chosen but not uploaded asks first.
  form.addEventListener("submit", function (event) {
    if (sending) {
      return; // sent by this script, after its dialog
    }
    var submitter = event.submitter;
    var file = chosenFile();
    if (form.hasAttribute("data-unsent-file-guard") && fileDialog && file && submitter && submitter.name === "continue") {
      event.preventDefault();
      fileDialog.querySelector("[data-file-name]").textContent = file.files[0].name;
      ask(fileDialog, function (choice) {
        if (choice === "upload") {
          sendForm(submitter); // the server uploads it, then continues
        } else if (choice === "without") {
          file.value = "";
          sendForm(submitter);
        }
      });
      return;
    }
    sending = true;
  });

  // The session ended while the page was open (static/js/session-timeout.js): send the unsaved
  // input; the server answers with the login page and keeps it for after the sign-in.
  document.addEventListener("session:signed-out", function (event) {
    if (sending) {
      event.preventDefault(); // the form is already on its way
      return;
    }
    if (!isDirty()) {
      return;
    }
    event.preventDefault();
    sending = true;
    form.submit();
  });

  window.addEventListener("beforeunload", function (event) {
    if (isDirty()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // Back to this page from the browser's history: it may be sent or left again.
  window.addEventListener("pageshow", function () {
    sending = false;
    leaving = false;
  });
})();
