/* The questionnaire's answer forms in the browser (no library; talks to nothing but this page).

   - Draft autosave: what is typed into an answer form is kept in localStorage under
     "viennaplan:draft:<report>:<answer>:<version>" (the form's data-draft-key) until the answer
     is saved. On return, a kept draft that differs from the saved answer is put back into the
     form with a notice and a Discard button.
   - After htmx swaps a question's block in place (saved or refused), focus goes to the
     confirmation or the error beside the answer, without scrolling the page. */
(function () {
  "use strict";

  var PREFIX = "viennaplan:draft:";

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage switched off: the form simply works without drafts
    }
  }

  var store = storage();

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.name && element.name !== "csrfmiddlewaretoken" && element.name !== "version" && element.type !== "submit" && element.type !== "button";
    });
  }

  function valuesOf(form) {
    return fields(form).map(function (element) {
      return [element.name, element.type === "checkbox" ? (element.checked ? "on" : "") : element.value];
    });
  }

  function putValues(form, values) {
    var byName = {};
    values.forEach(function (pair) {
      (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]);
    });
    fields(form).forEach(function (element) {
      var queue = byName[element.name];
      if (!queue || !queue.length) return;
      var value = queue.shift();
      if (element.type === "checkbox") element.checked = value === "on";
      else element.value = value;
    });
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  // Forget the drafts of the answer of `draftKey` ("<report>:<answer>:<version>"), except `kept`.
  function forget(draftKey, kept) {
    if (!store || !draftKey) return;
    var answer = PREFIX + draftKey.split(":").slice(0, 2).join(":") + ":";
    for (var i = store.length - 1; i >= 0; i -= 1) {
      var name = store.key(i);
      if (name && name.indexOf(answer) === 0 && name !== kept) store.removeItem(name);
    }
  }

  // The notice's words come translated from the page (the script tag's data attributes).
  var script = document.currentScript;
  var WORDS = {
    restored: (script && script.dataset.restored) || "Restored text you typed on {when} that was not saved — save it or discard.",
    discard: (script && script.dataset.discard) || "Discard the restored text",
  };

  function when(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? iso : date.toLocaleString();
  }

  function showNotice(form, draft, saved) {
    var notice = document.createElement("div");
    notice.className = "draft-notice";
    notice.setAttribute("role", "status");
    notice.tabIndex = -1;
    var text = document.createElement("p");
    text.textContent = WORDS.restored.replace("{when}", when(draft.at));
    var discard = document.createElement("button");
    discard.type = "button";
    discard.textContent = WORDS.discard;
    discard.addEventListener("click", function () {
      putValues(form, saved);
      store.removeItem(PREFIX + form.dataset.draftKey);
      notice.remove();
      var first = fields(form)[0];
      if (first) first.focus();
    });
    text.appendChild(discard);
    notice.appendChild(text);
    form.insertBefore(notice, form.firstElementChild);
  }

  function setUp(form) {
    if (form.dataset.draftReady || !form.dataset.draftKey) return;
    form.dataset.draftReady = "1";
    if (!store) return;
    var key = PREFIX + form.dataset.draftKey;
    var saved = valuesOf(form);
    var kept = null;
    try {
      kept = JSON.parse(store.getItem(key) || "null");
    } catch (error) {
      store.removeItem(key);
    }
    // drafts typed against an older version of this answer no longer apply
    forget(form.dataset.draftKey, key);
    if (kept && kept.values && !same(kept.values, saved)) {
      putValues(form, kept.values);
      showNotice(form, kept, saved);
    } else if (kept) {
      store.removeItem(key);
    }
    var keep = function () {
      var now = valuesOf(form);
      if (same(now, saved)) store.removeItem(key);
      else store.setItem(key, JSON.stringify({ at: new Date().toISOString(), values: now }));
    };
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
  }

  function setUpAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    if (scope.matches && scope.matches("form.answer-form")) setUp(scope);
    Array.prototype.forEach.call(scope.querySelectorAll("form.answer-form"), setUp);
  }

  // A save answered 2xx: the draft is in the database now.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (form && form.matches && form.matches("form.answer-form") && event.detail.successful) {
      forget(form.dataset.draftKey);
    }
  });

  // The question's block came back (saved, refused or busy): keep the reader where they were.
  document.addEventListener("htmx:afterSettle", function (event) {
    var block = event.detail.elt;
    if (!block || !block.querySelector) return;
    setUpAll(block);
    var target = block.querySelector(".saved, [role='alert']");
    if (target) target.focus({ preventScroll: true });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUpAll(document); });
  } else {
    setUpAll(document);
  }
})();
