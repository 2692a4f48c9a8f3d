// brazelint preview: re-render when the page's choices change, and when a file is saved.
//
// Every piece of markup comes from the server, which escapes it. This script only swaps
// in those fragments and reads the page's inputs; it never builds HTML from data.
(function () {
  "use strict";

  const body = document.body;
  const view = document.getElementById("view");
  const live = document.getElementById("live");
  const page = body.dataset.page;
  const path = body.dataset.path || "";
  let sequence = 0;
  let renders = 0;
  let disconnected = false;

  function setLive(text, state) {
    live.textContent = text;
    live.className = "live " + state;
  }

  // -- the page's choices -----------------------------------------------------------------

  function checked(name) {
    const boxes = Array.from(view.querySelectorAll('#controls input[name="' + name + '"]'));
    return {
      all: boxes.every(function (box) { return box.checked; }),
      names: boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; }),
    };
  }

  function choices() {
    const profiles = checked("profile");
    const now = view.querySelector("#now");
    const edits = {};
    function add(profile, edit) {
      (edits[profile] = edits[profile] || []).push(edit);
    }
    view.querySelectorAll("input.value").forEach(function (input) {
      const original = input.dataset.original;
      if (original !== undefined && input.value === original) {
        return;
      }
      add(input.dataset.profile, {
        path: JSON.parse(input.dataset.path),
        value: input.value,
        kind: input.dataset.kind || "auto",
      });
    });
    view.querySelectorAll(".profile-editor").forEach(function (editor) {
      const newPath = editor.querySelector(".new-path");
      const newValue = editor.querySelector(".new-value");
      if (newPath && newPath.value.trim()) {
        add(editor.dataset.profile, { path: newPath.value.trim(), value: newValue.value, kind: "auto" });
      }
    });
    return {
      path: path,
      profiles: profiles.all ? null : profiles.names,
      show: checked("show").names,
      now: now && now.value.trim() !== now.dataset.default ? now.value.trim() : "",
      edits: edits,
    };
  }

  function pageUrl(state) {
    const query = new URLSearchParams();
    if (state.profiles !== null) {
      if (state.profiles.length === 0) {
        query.append("profile", "");
      }
      state.profiles.forEach(function (name) { query.append("profile", name); });
    }
    state.show.forEach(function (name) { query.append("show", name); });
    if (state.now) {
      query.set("now", state.now);
    }
    const encoded = path.split("/").map(encodeURIComponent).join("/");
    const text = query.toString();
    return "/file/" + encoded + (text ? "?" + text : "") + window.location.hash;
  }

  // -- swapping in the server's markup ----------------------------------------------------

  function focusKey(element) {
    if (!element || !view.contains(element)) {
      return null;
    }
    if (element.id) {
      return "#" + element.id;
    }
    const editor = element.closest(".profile-editor");
    const profile = editor ? editor.dataset.profile : "";
    if (element.matches("input.value")) {
      return ["value", profile, element.dataset.path];
    }
    if (element.matches(".new-path, .new-value")) {
      return [element.className, profile, ""];
    }
    return null;
  }

  function findByKey(key) {
    if (key === null) {
      return null;
    }
    if (typeof key === "string") {
      return view.querySelector(key);
    }
    const editors = Array.from(view.querySelectorAll(".profile-editor"));
    const editor = editors.find(function (item) { return item.dataset.profile === key[1]; });
    if (!editor) {
      return null;
    }
    if (key[0] === "value") {
      return Array.from(editor.querySelectorAll("input.value")).find(function (input) {
        return input.dataset.path === key[2];
      }) || null;
    }
    return editor.querySelector("." + key[0]);
  }

  function detailsKey(details, index) {
    const owner = details.closest("[data-profile]");
    return (owner ? owner.dataset.profile : "") + "|" + details.className + "|" + index;
  }

  function openDetails() {
    const state = {};
    view.querySelectorAll("details").forEach(function (details, index) {
      state[detailsKey(details, index)] = details.open;
    });
    return state;
  }

  function swap(markup) {
    const active = document.activeElement;
    const key = focusKey(active);
    const selection = key && active.selectionStart !== undefined
      ? [active.selectionStart, active.selectionEnd] : null;
    const opened = openDetails();
    const source = view.querySelector(".source");
    const scroll = source ? source.scrollTop : 0;

    view.innerHTML = markup;

    view.querySelectorAll("details").forEach(function (details, index) {
      const known = opened[detailsKey(details, index)];
      if (known !== undefined) {
        details.open = known;
      }
    });
    const newSource = view.querySelector(".source");
    if (newSource) {
      newSource.scrollTop = scroll;
    }
    const again = findByKey(key);
    if (again) {
      again.focus();
      if (selection) {
        try {
          again.setSelectionRange(selection[0], selection[1]);
        } catch (ignored) {
          // not a text input
        }
      }
    }
    renders += 1;
    body.dataset.renders = String(renders);
  }

  function rerender() {
    if (page === "index") {
      refreshIndex();
      return;
    }
    if (page !== "file") {
      return;
    }
    const mine = ++sequence;
    const state = choices();
    fetch("/api/view", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(state),
    }).then(function (response) {
      return response.text().then(function (text) {
        if (mine !== sequence) {
          return;
        }
        if (response.status === 404) {
          setLive("file gone", "bad");
          return;
        }
        if (!response.ok) {
          setLive("error " + response.status, "bad");
          return;
        }
        swap(text);
        window.history.replaceState(null, "", pageUrl(state));
      });
    }).catch(function () {
      setLive("offline", "bad");
    });
  }

  function refreshIndex() {
    fetch("/api/index").then(function (response) {
      if (response.ok) {
        return response.text().then(swap);
      }
      return null;
    }).catch(function () {
      setLive("offline", "bad");
    });
  }

  // -- events -----------------------------------------------------------------------------

  view.addEventListener("change", function (event) {
    const target = event.target;
    if (target.matches('input[type="checkbox"], #now, input.value')) {
      rerender();
    }
  });

  view.addEventListener("submit", function (event) {
    event.preventDefault();
    rerender();
  });

  view.addEventListener("keydown", function (event) {
    const target = event.target;
    if (event.key !== "Enter" || !target.matches("input.value, .new-path, .new-value")) {
      return;
    }
    event.preventDefault();
    rerender();
  });

  function applyFix(button) {
    const state = choices();
    state.fix = {
      code: button.dataset.code,
      line: Number(button.dataset.line),
      column: Number(button.dataset.column),
    };
    button.disabled = true;
    fetch("/api/fix", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(state),
    }).then(function (response) {
      return response.text().then(function (text) {
        if (response.ok) {
          swap(text);
          setLive("fixed", "good");
        } else {
          button.disabled = false;
          setLive(text.trim() || "error " + response.status, "bad");
        }
      });
    }).catch(function () {
      setLive("offline", "bad");
    });
  }

  view.addEventListener("click", function (event) {
    const target = event.target;
    if (target.matches && target.matches("button.apply-fix")) {
      applyFix(target);
      return;
    }
    const editor = target.closest ? target.closest(".profile-editor") : null;
    if (!editor) {
      return;
    }
    if (target.matches(".add-value")) {
      rerender();
    } else if (target.matches(".reset")) {
      editor.querySelectorAll("input.value").forEach(function (input) {
        if (input.dataset.original === undefined) {
          input.closest("tr").remove();
        } else {
          input.value = input.dataset.original;
        }
      });
      editor.querySelectorAll(".new-path, .new-value").forEach(function (input) {
        input.value = "";
      });
      rerender();
    }
  });

  function connect() {
    if (!window.EventSource) {
      setLive("no live reload", "muted");
      return;
    }
    const events = new EventSource("/events");
    events.addEventListener("hello", function () {
      setLive("live", "good");
      if (disconnected) {
        disconnected = false;
        rerender();
      }
    });
    events.addEventListener("change", function () {
      setLive("live", "good");
      rerender();
    });
    events.onerror = function () {
      disconnected = true;
      setLive("reconnecting…", "bad");
    };
  }

  body.dataset.renders = "0";
  connect();
})();
