/*
 * Autosave for the minute-taking view: nothing typed is ever lost.
 *
 * - Every field marked data-autosave saves ~1.5 s after the last keystroke and when
 *   it loses focus, by POSTing value, revision and base (the value it started from).
 * - Every edit is first written to localStorage; it is removed only once the server
 *   has confirmed it. Failed saves are retried when the connection returns, and a
 *   reload puts unsaved text back into its field.
 * - Fields of one object (an item, an input, a decision) share its revision and are
 *   saved one after the other. A 409 answer means a colleague saved the same field:
 *   both texts are shown and the editor decides.
 * - "New input" boxes (data-autosave-new) create the input on their first save; the
 *   new row takes the place of the box, keeping focus and caret.
 * - Ctrl+Enter (Cmd+Enter) in a new-input box saves it and leaves the focus in the
 *   emptied box for the next input; what is typed before the answer arrives begins
 *   that next input.
 * - A new input is not created while the focus is in its own «Hvem» or «Skriftlig»
 *   field (text, Tab, who, Ctrl+Enter is one input): only when the focus leaves
 *   the input's form, or by Ctrl+Enter or the button.
 * No inline script: texts come from data- attributes on #autosave-config.
 */
(function () {
  "use strict";

  var config = document.getElementById("autosave-config");
  if (!config) {
    return;
  }
  var T = config.dataset;
  var DEBOUNCE_MS = 1500;
  var RETRY_MS = 5000;
  var MAX_AGE_MS = 30 * 24 * 3600 * 1000;
  var PREFIX = "minutes-autosave:";
  var statusEl = document.getElementById("save-status");
  var detailEl = document.getElementById("save-detail");

  var timers = {}; // key -> debounce timer
  var sending = {}; // key -> true while a request is out
  var failed = {}; // key -> true when a save failed for network reasons
  var conflicts = {}; // key -> server answer
  var invalid = {}; // key -> message
  var queues = {}; // object key -> promise chain
  var savedOnce = false;
  var lastSavedAt = "";
  var memory = {}; // fallback when localStorage is unavailable
  var nextInBox = {}; // key -> true: Ctrl+Enter asked for the next input in the box

  document.documentElement.classList.add("js-autosave");

  // Storage ---------------------------------------------------------------------
  function store(key, data) {
    data.time = Date.now();
    memory[key] = data;
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify(data));
    } catch (e) {
      /* private mode or full: the in-memory copy still retries */
    }
  }
  function load(key) {
    try {
      var raw = localStorage.getItem(PREFIX + key);
      if (raw) {
        return JSON.parse(raw);
      }
    } catch (e) {
      /* fall through */
    }
    return memory[key] || null;
  }
  function drop(key) {
    delete memory[key];
    try {
      localStorage.removeItem(PREFIX + key);
    } catch (e) {
      /* ignore */
    }
  }
  function storedKeys() {
    var keys = Object.keys(memory);
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var name = localStorage.key(i);
        if (name && name.indexOf(PREFIX) === 0 && keys.indexOf(name.slice(PREFIX.length)) < 0) {
          keys.push(name.slice(PREFIX.length));
        }
      }
    } catch (e) {
      /* ignore */
    }
    return keys;
  }

  // DOM helpers -----------------------------------------------------------------
  function fieldFor(key) {
    return document.querySelector('[data-key="' + CSS.escape(key) + '"]');
  }
  function owner(field) {
    return field.closest("[data-object]");
  }
  function valueOf(field) {
    if (field.type === "checkbox") {
      return field.checked ? "1" : "";
    }
    return field.value;
  }
  function setValue(field, value) {
    if (field.type === "checkbox") {
      field.checked = value === "1";
    } else {
      field.value = value;
    }
  }
  function setRevision(objectEl, revision) {
    objectEl.dataset.revision = String(revision);
    objectEl.querySelectorAll("[data-revision-input]").forEach(function (input) {
      if (input.closest("[data-object]") === objectEl) {
        input.value = String(revision);
      }
    });
  }
  function setBase(field, value) {
    field.dataset.base = value;
    var form = field.closest("form");
    var hidden = form && form.querySelector("[data-base-input]");
    if (hidden) {
      hidden.value = value;
    }
  }
  function fieldStatus(field, text, state) {
    var form = field && field.closest("form");
    var el = form && form.querySelector("[data-field-status]");
    if (el) {
      el.textContent = text || "";
      el.dataset.state = state || "";
    }
  }
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) {
      return decodeURIComponent(match[1]);
    }
    var input = document.querySelector("[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function count(map) {
    return Object.keys(map).length;
  }

  // Overall status (aria-live) ----------------------------------------------------
  function render() {
    var state;
    var text;
    var detail = "";
    if (count(conflicts)) {
      state = "unsaved";
      text = T.unsaved;
      detail = T.conflictDetail;
    } else if (count(invalid)) {
      state = "unsaved";
      text = T.unsaved;
      detail = T.invalidDetail;
    } else if (count(failed)) {
      state = "unsaved";
      text = T.unsaved;
      detail = navigator.onLine ? T.retrying : T.offline;
    } else if (count(sending) || count(timers)) {
      state = "saving";
      text = T.saving;
    } else if (savedOnce) {
      state = "saved";
      text = T.saved;
      detail = lastSavedAt ? T.savedAt + " " + lastSavedAt : "";
    } else {
      return;
    }
    if (statusEl.textContent !== text) {
      statusEl.textContent = text;
    }
    statusEl.dataset.state = state;
    document.documentElement.dataset.saveState = state;
    if (detailEl.textContent !== detail) {
      detailEl.textContent = detail;
    }
  }

  // Remember and schedule -------------------------------------------------------
  function remember(field) {
    var key = field.dataset.key;
    var objectEl = owner(field);
    var previous = load(key);
    store(key, {
      url: field.dataset.autosave,
      value: valueOf(field),
      base: field.dataset.base || "",
      // The revision the edit started from; kept from the first unsaved edit.
      revision: previous ? previous.revision : objectEl ? objectEl.dataset.revision : "",
      object: objectEl ? objectEl.dataset.object : key,
    });
  }

  function rememberNew(textarea) {
    var form = textarea.closest("form");
    store(textarea.dataset.key, {
      create: true,
      url: textarea.dataset.autosaveNew,
      value: textarea.value,
      who: form.querySelector("[data-new-who]").value,
      written: form.querySelector("[data-new-written]").checked ? "1" : "",
      object: textarea.dataset.key,
    });
  }

  function schedule(key, delay) {
    clearTimeout(timers[key]);
    timers[key] = setTimeout(function () {
      delete timers[key];
      if (delay > 0 && composing(key)) {
        // Still giving who said it: the input is created when that is done.
        schedule(key, delay);
        return;
      }
      save(key);
    }, delay);
    render();
  }

  // A new input is still being composed while the focus is in its own «Hvem» or
  // «Skriftlig» field: creating it then would empty those fields under the typing.
  function inOwnExtras(box, element) {
    return Boolean(
      box &&
        element &&
        element !== box &&
        element.closest &&
        element.closest("form") === box.closest("form") &&
        element.matches("[data-new-who], [data-new-written]")
    );
  }
  function composing(key) {
    var box = fieldFor(key);
    return Boolean(
      box && box.matches("[data-autosave-new]") && inOwnExtras(box, document.activeElement)
    );
  }

  function flush(key) {
    if (timers[key]) {
      clearTimeout(timers[key]);
      delete timers[key];
      save(key);
    }
  }

  // Saving ----------------------------------------------------------------------
  function save(key) {
    var entry = load(key);
    if (!entry || conflicts[key]) {
      render();
      return Promise.resolve();
    }
    if (!navigator.onLine) {
      failed[key] = true;
      fieldStatus(fieldFor(key), T.unsaved, "unsaved");
      render();
      return Promise.resolve();
    }
    var objectKey = entry.object || key;
    var queue = queues[objectKey] || Promise.resolve();
    queues[objectKey] = queue.then(function () {
      return entry.create ? sendCreate(key) : sendField(key);
    });
    return queues[objectKey];
  }

  function post(url, params) {
    return fetch(url, {
      method: "POST",
      body: params,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") < 0) {
        // A login page or a proxy error: keep the text and retry later.
        var error = new Error("not json");
        error.session = response.redirected || response.status === 403;
        throw error;
      }
      return response.json().then(function (data) {
        return { status: response.status, data: data };
      });
    });
  }

  function networkFailure(key, error) {
    delete sending[key];
    failed[key] = true;
    fieldStatus(fieldFor(key), T.unsaved, "unsaved");
    if (error && error.session) {
      detailEl.textContent = T.session;
    }
    render();
  }

  function sendField(key) {
    var entry = load(key);
    if (!entry) {
      return Promise.resolve();
    }
    var field = fieldFor(key);
    var objectEl = field && owner(field);
    // A field on the page knows the latest revision and base; one that is not
    // (an edit kept from another page) uses what was stored with the edit.
    var revision = objectEl ? objectEl.dataset.revision : entry.revision;
    var base = field ? field.dataset.base || "" : entry.base;
    var value = entry.value;
    var params = new URLSearchParams();
    params.set("value", value);
    params.set("revision", revision);
    params.set("base", base);
    sending[key] = true;
    fieldStatus(field, T.saving, "saving");
    render();
    return post(entry.url, params).then(
      function (answer) {
        delete sending[key];
        delete failed[key];
        var data = answer.data;
        field = fieldFor(key);
        if (answer.status === 200) {
          delete invalid[key];
          savedOnce = true;
          lastSavedAt = data.saved_at;
          var latest = load(key);
          if (field) {
            setRevision(owner(field), data.revision);
            setBase(field, data.value);
            if (valueOf(field) === value && data.value !== value && document.activeElement !== field) {
              setValue(field, data.value);
            }
            fieldStatus(field, T.savedAt + " " + data.saved_at, "saved");
          }
          if (latest && latest.value !== value) {
            // Typed on while the save was out: save again from the new base.
            latest.base = data.value;
            latest.revision = String(data.revision);
            store(key, latest);
            schedule(key, 0);
          } else {
            drop(key);
          }
        } else if (answer.status === 409) {
          showConflict(key, data);
        } else {
          invalid[key] = data.message || T.unsaved;
          fieldStatus(field, invalid[key], "invalid");
        }
        render();
      },
      function (error) {
        networkFailure(key, error);
      }
    );
  }

  function sendCreate(key) {
    var entry = load(key);
    if (!entry || !entry.value.trim()) {
      delete nextInBox[key];
      drop(key);
      render();
      return Promise.resolve();
    }
    var params = new URLSearchParams();
    params.set("text", entry.value);
    params.set("who", entry.who || "");
    if (entry.written) {
      params.set("is_written", "1");
    }
    sending[key] = true;
    var textarea = fieldFor(key);
    fieldStatus(textarea, T.saving, "saving");
    render();
    return post(entry.url, params).then(
      function (answer) {
        delete sending[key];
        delete failed[key];
        textarea = fieldFor(key);
        if (answer.status === 201) {
          delete invalid[key];
          savedOnce = true;
          lastSavedAt = answer.data.saved_at;
          clearTimeout(timers[key]);
          delete timers[key];
          drop(key);
          if (textarea) {
            placeNewRow(textarea, answer.data, entry);
          }
        } else {
          delete nextInBox[key];
          invalid[key] = answer.data.message || T.unsaved;
          fieldStatus(textarea, invalid[key], "invalid");
        }
        render();
      },
      function (error) {
        networkFailure(key, error);
      }
    );
  }

  // The new input becomes a row in the list; what was typed meanwhile follows it.
  function placeNewRow(textarea, data, sent) {
    var form = textarea.closest("form");
    var list = document.getElementById("inputs-list-" + form.dataset.inputNew);
    var holder = document.createElement("div");
    holder.innerHTML = data.html.trim();
    var row = holder.firstElementChild;
    list.appendChild(row);
    if (window.htmx) {
      window.htmx.process(row);
    }
    var hadFocus = document.activeElement === textarea;
    var start = textarea.selectionStart;
    var end = textarea.selectionEnd;
    var rowText = row.querySelector('[data-key$=":text"]');
    var rowWho = row.querySelector('[data-key$=":who"]');
    var rowWritten = row.querySelector('[data-key$=":is_written"]');
    var whoInput = form.querySelector("[data-new-who]");
    var writtenInput = form.querySelector("[data-new-written]");
    var key = textarea.dataset.key;
    if (nextInBox[key] && textarea.value.indexOf(sent.value) === 0) {
      // Ctrl+Enter: the row holds what was sent; the box stays for the next input,
      // starting with whatever was typed after the keypress.
      delete nextInBox[key];
      var rest = textarea.value.slice(sent.value.length).replace(/^\s+/, "");
      textarea.value = rest;
      whoInput.value = "";
      writtenInput.checked = false;
      fieldStatus(textarea, "", "");
      if (rowText) {
        fieldStatus(rowText, T.savedAt + " " + data.saved_at, "saved");
      }
      if (rest) {
        rememberNew(textarea);
        schedule(key, DEBOUNCE_MS);
      }
      textarea.focus();
      return;
    }
    delete nextInBox[key];
    var followUps = [
      [rowText, textarea.value, sent.value],
      [rowWho, whoInput.value, sent.who || ""],
      [rowWritten, writtenInput.checked ? "1" : "", sent.written || ""],
    ];
    textarea.value = "";
    whoInput.value = "";
    writtenInput.checked = false;
    fieldStatus(textarea, "", "");
    followUps.forEach(function (item) {
      var field = item[0];
      if (field && item[1] !== item[2]) {
        setValue(field, item[1]);
        remember(field);
        schedule(field.dataset.key, DEBOUNCE_MS);
      }
    });
    if (rowText) {
      fieldStatus(rowText, T.savedAt + " " + data.saved_at, "saved");
      if (hadFocus) {
        rowText.focus();
        rowText.setSelectionRange(start, end);
      }
    }
  }

  // Conflicts -------------------------------------------------------------------
  function showConflict(key, data) {
    conflicts[key] = data;
    var field = fieldFor(key);
    if (!field) {
      return;
    }
    var form = field.closest("form");
    var panel = form.querySelector("[data-conflict-panel]");
    panel.querySelector("[data-conflict-message]").textContent = data.message || T.conflict;
    panel.querySelector("[data-conflict-who]").textContent = data.changed_by
      ? T.changedBy.replace("%(who)s", data.changed_by).replace("%(when)s", data.changed_at)
      : "";
    panel.querySelector("[data-conflict-theirs]").value = data.server_value;
    panel.hidden = false;
    fieldStatus(field, T.unsaved, "conflict");
  }

  function resolveConflict(field, keepMine) {
    var key = field.dataset.key;
    var data = conflicts[key];
    if (!data) {
      return;
    }
    delete conflicts[key];
    var form = field.closest("form");
    form.querySelector("[data-conflict-panel]").hidden = true;
    setRevision(owner(field), data.revision);
    setBase(field, data.server_value);
    if (keepMine) {
      remember(field);
      var entry = load(key);
      entry.base = data.server_value;
      entry.revision = String(data.revision);
      store(key, entry);
      schedule(key, 0);
    } else {
      setValue(field, data.server_value);
      drop(key);
      fieldStatus(field, "", "");
    }
    field.focus();
    render();
  }

  // Restore what the browser kept ------------------------------------------------
  function restore(root) {
    var now = Date.now();
    storedKeys().forEach(function (key) {
      var entry = load(key);
      if (!entry) {
        return;
      }
      if (now - (entry.time || 0) > MAX_AGE_MS) {
        drop(key);
        return;
      }
      var field = fieldFor(key);
      if (!field || (root && !root.contains(field))) {
        if (!root) {
          failed[key] = true; // kept from another page: retried in the background
        }
        return;
      }
      if (entry.create) {
        if (!field.value) {
          var form = field.closest("form");
          field.value = entry.value;
          form.querySelector("[data-new-who]").value = entry.who || "";
          form.querySelector("[data-new-written]").checked = entry.written === "1";
        }
        schedule(key, 0);
        return;
      }
      if (entry.value === valueOf(field) && entry.value === field.dataset.base) {
        drop(key); // it was saved after all
        return;
      }
      if (entry.base !== (field.dataset.base || "")) {
        // Someone changed the field since this edit was made: the save will come
        // back as a conflict and show both texts.
        setBase(field, entry.base);
        var objectEl = owner(field);
        if (objectEl && entry.revision) {
          setRevision(objectEl, entry.revision);
        }
      }
      setValue(field, entry.value);
      fieldStatus(field, T.unsaved, "unsaved");
      schedule(key, 0);
    });
    render();
  }

  function retryAll() {
    if (!navigator.onLine) {
      render();
      return;
    }
    Object.keys(failed).forEach(function (key) {
      delete failed[key];
      save(key);
    });
    render();
  }

  // Events ----------------------------------------------------------------------
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target.matches("[data-autosave]")) {
      remember(target);
      delete invalid[target.dataset.key];
      if (!conflicts[target.dataset.key]) {
        fieldStatus(target, "", "");
        schedule(target.dataset.key, DEBOUNCE_MS);
      }
    } else if (target.matches("[data-autosave-new]")) {
      rememberNew(target);
      delete invalid[target.dataset.key];
      schedule(target.dataset.key, DEBOUNCE_MS);
    } else if (target.matches("[data-new-who], [data-new-written]")) {
      var textarea = target.closest("form").querySelector("[data-autosave-new]");
      if (textarea.value.trim()) {
        rememberNew(textarea);
        schedule(textarea.dataset.key, DEBOUNCE_MS);
      }
    }
  });

  // Checkboxes fire change (not always input); treat both alike.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches("[data-autosave]") && target.type === "checkbox") {
      remember(target);
      schedule(target.dataset.key, 0);
    }
  });

  // Leaving a field saves at once.
  document.addEventListener(
    "blur",
    function (event) {
      var target = event.target;
      if (!target.matches) {
        return;
      }
      if (target.matches("[data-autosave-new]") && inOwnExtras(target, event.relatedTarget)) {
        // On to «Hvem» or «Skriftlig» of the same input: not done with it yet.
        return;
      }
      if (target.matches("[data-autosave], [data-autosave-new]")) {
        flush(target.dataset.key);
      } else if (target.matches("[data-new-who], [data-new-written]")) {
        var box = target.closest("form").querySelector("[data-autosave-new]");
        var next = event.relatedTarget;
        if (box && next !== box && !inOwnExtras(box, next) && timers[box.dataset.key]) {
          flush(box.dataset.key);
        }
      }
    },
    true
  );

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var field = form.querySelector("[data-autosave], [data-autosave-new]");
    if (!field || !form.matches(".autosave-form, [data-input-new]")) {
      return;
    }
    event.preventDefault();
    if (field.matches("[data-autosave-new]")) {
      rememberNew(field);
    } else {
      remember(field);
    }
    schedule(field.dataset.key, 0);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-conflict-keep], [data-conflict-take]");
    if (!button) {
      return;
    }
    var field = button.closest("form").querySelector("[data-autosave]");
    resolveConflict(field, button.matches("[data-conflict-keep]"));
  });

  // Ctrl+Enter (or Cmd+Enter) in an input starts the next one under the same item.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) {
      return;
    }
    var section = event.target.closest(".inputs-block");
    if (!section) {
      return;
    }
    event.preventDefault();
    var box = section.querySelector("[data-autosave-new]");
    if (!box) {
      return;
    }
    if (event.target.closest("[data-input-new]")) {
      // Save this input; the focus stays in the box, emptied once it is saved.
      rememberNew(box);
      if (box.value.trim()) {
        nextInBox[box.dataset.key] = true;
      }
      schedule(box.dataset.key, 0);
      box.focus();
    } else {
      flush(event.target.dataset.key);
      box.focus();
    }
  });

  window.addEventListener("online", retryAll);
  window.addEventListener("offline", function () {
    render();
  });
  setInterval(retryAll, RETRY_MS);

  // Leaving the page: send what is waiting; localStorage keeps it if that fails.
  window.addEventListener("pagehide", function () {
    Object.keys(timers).forEach(function (key) {
      clearTimeout(timers[key]);
      delete timers[key];
      var entry = load(key);
      var field = fieldFor(key);
      if (!entry || entry.create || !field) {
        return;
      }
      var params = new URLSearchParams();
      params.set("value", entry.value);
      params.set("revision", owner(field).dataset.revision);
      params.set("base", field.dataset.base || "");
      fetch(entry.url, {
        method: "POST",
        body: params,
        keepalive: true,
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
      }).catch(function () {});
    });
  });

  // htmx replaces an item's inputs after a move or delete: put kept edits back.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    restore(event.detail.target && event.detail.target.isConnected ? event.detail.target : null);
  });

  restore(null);
})();
