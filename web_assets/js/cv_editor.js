// CV editor, enhanced: inline add / remove / reorder, autosave, a live preview. Without
// this script every button is a plain form post that the server applies (see
// src/web/cv_form_op.hpp); with it the same buttons act in place and the form is saved in
// the background by the same POST, answered in JSON.
//
// Names follow the server's scheme: work[2][highlights][1] for the field, work-2-highlights-1
// for its id, "move_up:work.2.highlights:1" for a button. After every change in place the
// entries and items are renumbered from the document order. Each entry keeps the hidden
// `_from` naming the stored entry it shows, so the server can carry that entry's fields the
// form does not show (see src/web/cv_form.hpp); after a save, `_from` becomes the entry's
// new stored position.

const SAVE_DELAY_MS = 1200;
const RETRY_DELAYS_MS = [2000, 4000, 8000, 15000, 30000];

const idOf = (segments) => segments.join("-");
const nameOf = (segments) => segments[0] + segments.slice(1).map((s) => `[${s}]`).join("");
const dotted = (segments) => segments.join(".");

// The elements directly under `root` matching `selector` (not those of nested entries).
function children(root, selector) {
  return [...root.children].filter((el) => el.matches(selector));
}

// Replaces the id prefix `from` by `to` in id, for and aria-describedby of root and below.
function rewriteIds(root, from, to) {
  const swap = (token) =>
    token === from || token.startsWith(`${from}-`) ? to + token.slice(from.length) : token;
  for (const el of [root, ...root.querySelectorAll("[id], [for], [aria-describedby]")]) {
    for (const attr of ["id", "for", "aria-describedby"]) {
      const value = el.getAttribute(attr);
      if (value) el.setAttribute(attr, value.split(" ").map(swap).join(" "));
    }
  }
}

function rewriteNames(root, from, to) {
  for (const el of root.querySelectorAll("[name]")) {
    if (el.name.startsWith(from)) el.name = to + el.name.slice(from.length);
  }
}

// The buttons of one entry or item: op values, position numbers, and which moves apply.
function setControls(buttons, list, index, count) {
  for (const button of buttons) {
    const op = button.dataset.op;
    if (op === "add") continue;
    button.value = `${op}:${dotted(list)}:${index}`;
    if (op === "move_up") button.hidden = index === 0;
    if (op === "move_down") button.hidden = index === count - 1;
  }
}

function renumberItems(listEl, listSegments) {
  const items = listEl.querySelectorAll(":scope > [data-items] > [data-item]");
  const listId = idOf(listSegments);
  items.forEach((item, k) => {
    const input = item.querySelector("input");
    const old = input.id.slice(listId.length + 1);
    rewriteIds(item, `${listId}-${old}`, `${listId}-${k}`);
    rewriteNames(item, `${nameOf(listSegments)}[${old}]`, `${nameOf(listSegments)}[${k}]`);
    item.querySelectorAll("[data-item-number]").forEach((el) => (el.textContent = k + 1));
    setControls(item.querySelectorAll(".cv-item-actions [data-op]"), listSegments, k, items.length);
  });
  const add = listEl.querySelector(":scope > [data-op='add']");
  if (add) add.value = `add:${dotted(listSegments)}`;
}

function renumberEntry(entry, sectionSegments, index, count) {
  const sectionId = idOf(sectionSegments);
  const old = entry.id.slice(sectionId.length + 1);
  const mine = [...sectionSegments, String(index)];
  rewriteIds(entry, `${sectionId}-${old}`, idOf(mine));
  rewriteNames(entry, `${nameOf(sectionSegments)}[${old}]`, nameOf(mine));
  entry.querySelectorAll("[data-entry-number]").forEach((el) => (el.textContent = index + 1));
  const actions = entry.querySelector(":scope > .cv-entry-actions");
  setControls(actions.querySelectorAll("[data-op]"), sectionSegments, index, count);
  for (const listEl of entry.querySelectorAll("[data-list]")) {
    renumberItems(listEl, [...mine, listEl.dataset.list]);
  }
}

function renumberSection(section) {
  const segments = section.dataset.section.split(".");
  const entries = section.querySelectorAll(":scope > [data-entries] > [data-entry]");
  entries.forEach((entry, i) => renumberEntry(entry, segments, i, entries.length));
}

function cloneTemplate(template) {
  const fragment = template.content.cloneNode(true);
  return fragment.firstElementChild;
}

class Editor {
  constructor(form) {
    this.form = form;
    this.state = form.querySelector("[data-save-state]");
    this.announcer = form.querySelector("[data-announce]");
    this.frame = document.getElementById(form.dataset.preview);
    this.csrf = form.querySelector("input[name='csrf']");
    this.generation = 0; // counts edits; a save covers the edits up to its snapshot
    this.savedGeneration = 0;
    this.saving = false;
    this.timer = null;
    this.failures = 0;

    form.addEventListener("submit", (event) => this.onSubmit(event));
    form.addEventListener("input", () => this.changed());
    form.addEventListener("change", () => this.changed());
    window.addEventListener("beforeunload", (event) => {
      if (!this.dirty()) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers need it to ask
    });
    this.show("saved", "All changes saved.");
  }

  dirty() {
    return this.generation !== this.savedGeneration;
  }

  onSubmit(event) {
    event.preventDefault();
    const button = event.submitter;
    if (button && button.name === "op") {
      this.apply(button);
    } else {
      this.saveSoon(0);
    }
  }

  // -- changes in place ------------------------------------------------------------------

  apply(button) {
    const op = button.dataset.op;
    const listEl = button.closest("[data-list]");
    if (op === "add") {
      if (listEl) this.addItem(listEl);
      else this.addEntry(button.closest("[data-section]"));
    } else {
      const target = listEl ? button.closest("[data-item]") : button.closest("[data-entry]");
      if (op === "remove") this.remove(target, listEl);
      else this.move(target, op === "move_up", button);
    }
    this.changed();
  }

  addEntry(section) {
    const entry = cloneTemplate(section.querySelector(":scope > template[data-entry-template]"));
    section.querySelector(":scope > [data-entries]").append(entry);
    renumberSection(section);
    const label = entry.querySelector("legend").textContent.trim();
    this.focus(entry.querySelector("input:not([type='hidden']), textarea"));
    this.announce(`${label} added.`);
  }

  addItem(listEl) {
    const section = listEl.closest("[data-section]");
    const selector = `:scope > template[data-item-template="${listEl.dataset.list}"]`;
    const item = cloneTemplate(section.querySelector(selector));
    listEl.querySelector(":scope > [data-items]").append(item);
    renumberSection(section);
    this.focus(item.querySelector("input"));
    this.announce(`${item.querySelector("label").textContent.trim()} added.`);
  }

  remove(target, listEl) {
    const section = target.closest("[data-section]");
    const label = this.labelOf(target);
    const add = listEl
      ? listEl.querySelector(":scope > [data-op='add']")
      : section.querySelector("[data-op='add']:not([data-entry] *)");
    target.remove();
    renumberSection(section);
    this.focus(add);
    this.announce(`${label} removed.`);
  }

  move(target, up, button) {
    const other = up ? target.previousElementSibling : target.nextElementSibling;
    if (!other) return;
    if (up) other.before(target);
    else other.after(target);
    renumberSection(target.closest("[data-section]"));
    // The same button again, so pressing it repeatedly keeps moving; at the end of the
    // list, the other direction's.
    const opposite = button.parentElement.querySelector(
      `[data-op='${up ? "move_down" : "move_up"}']`,
    );
    this.focus(button.hidden ? opposite : button);
    this.announce(`${this.labelOf(target)} moved ${up ? "up" : "down"}.`);
  }

  labelOf(target) {
    const label = target.matches("[data-item]")
      ? target.querySelector("label")
      : target.querySelector("legend");
    return label.textContent.replace(/\s+/g, " ").replace(/ · .*/, "").trim();
  }

  focus(el) {
    if (el) el.focus();
  }

  announce(text) {
    this.announcer.textContent = text;
  }

  // -- autosave --------------------------------------------------------------------------

  changed() {
    this.generation += 1;
    this.show("unsaved", "Unsaved changes.");
    this.saveSoon(SAVE_DELAY_MS);
  }

  saveSoon(delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), delay);
  }

  async save() {
    if (this.saving) return; // the running save schedules the next one when it ends
    const generation = this.generation;
    // Which stored position each entry will have once this snapshot is saved.
    const positions = [...this.form.querySelectorAll("[data-entries]")].flatMap((list) =>
      children(list, "[data-entry]").map((entry, i) => [entry, i]),
    );
    // JSON, not the form's multipart: no limit on the number of fields (see
    // posted_fields in src/web/cv_editor_page.cpp).
    const fields = [...new FormData(this.form)].filter(([, value]) => typeof value === "string");
    const body = JSON.stringify({ fields });
    this.saving = true;
    this.show("saving", "Saving…");
    try {
      const answer = await this.post(body);
      for (const [entry, i] of positions) entry.querySelector(":scope > [data-from]").value = i;
      this.savedGeneration = generation;
      this.failures = 0;
      this.saved(answer);
    } catch (error) {
      this.failed(error);
    } finally {
      this.saving = false;
    }
    if (this.dirty() && this.failures === 0) this.saveSoon(SAVE_DELAY_MS);
  }

  async post(body) {
    let response;
    try {
      response = await fetch(this.form.action, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: {
          Accept: "application/json",
          "Content-Type": "application/json",
          "X-CSRF-Token": this.csrf.value,
        },
      });
    } catch {
      throw new SaveError("network", "the server cannot be reached");
    }
    if (response.status === 401 || response.status === 403) {
      throw new SaveError("session", "your session has ended: sign in again in another tab");
    }
    if (!response.ok) {
      const kind = response.status >= 500 || response.status === 429 ? "server" : "refused";
      throw new SaveError(kind, `the server answered ${response.status}`);
    }
    return response.json();
  }

  saved(answer) {
    if (this.dirty()) this.show("unsaved", "Unsaved changes.");
    else this.show("saved", answer.error ? `Saved, except: ${answer.error}` : "All changes saved.");
    const time = document.querySelector("[data-updated]");
    if (time) {
      time.dateTime = answer.updated_at;
      time.textContent = answer.updated_text;
    }
    this.showProblems(answer.problems);
    this.refreshPreview();
  }

  failed(error) {
    this.failures += 1;
    if (error.kind === "refused") {
      // Retrying the same draft cannot help; the next edit tries again.
      this.show("failed", `Not saved: ${error.message}. Your edits are kept on this page.`);
      return;
    }
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length) - 1];
    this.show(
      "failed",
      `Save failed (${error.message}) — retrying in ${delay / 1000} s. Your edits are kept on this page.`,
    );
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      if (error.kind === "session") await this.refreshCsrf();
      this.save();
    }, delay);
  }

  // After signing in again (in another tab) the session, and so the CSRF token, is new:
  // read it from a fresh copy of this page.
  async refreshCsrf() {
    try {
      const response = await fetch(window.location.pathname, { credentials: "same-origin" });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const token = page.querySelector("input[name='csrf']");
      if (token) this.csrf.value = token.value;
    } catch {
      // still away; the next retry asks again
    }
  }

  show(state, text) {
    this.state.dataset.state = state;
    this.state.textContent = text;
  }

  refreshPreview() {
    if (!this.frame) return;
    try {
      this.frame.contentWindow.location.reload();
    } catch {
      this.frame.src = this.frame.src; // not reachable from here: load it anew
    }
  }

  // -- validation problems ---------------------------------------------------------------

  showProblems(problems) {
    for (const old of this.form.querySelectorAll("[data-problem]")) old.remove();
    for (const el of this.form.querySelectorAll("[aria-invalid]")) {
      el.removeAttribute("aria-invalid");
      const rest = (el.getAttribute("aria-describedby") || "")
        .split(" ")
        .filter((token) => token && !token.endsWith("-error"));
      el.setAttribute("aria-describedby", rest.join(" "));
    }
    for (const problem of problems) {
      if (problem.id) this.markField(problem);
    }
    this.showSummary(problems);
  }

  markField(problem) {
    const el = document.getElementById(problem.id);
    if (!el) return;
    const message = document.createElement("p");
    message.className = "field-error";
    message.id = `${problem.id}-error`;
    message.dataset.problem = "";
    message.textContent = problem.message;
    if (el.matches("input, textarea, select")) {
      el.setAttribute("aria-invalid", "true");
      const described = el.getAttribute("aria-describedby") || "";
      el.setAttribute("aria-describedby", `${described} ${message.id}`.trim());
      el.closest(".field").append(message);
    } else {
      const legend = el.querySelector(":scope > legend, :scope > h2");
      if (legend) legend.after(message);
    }
  }

  showSummary(problems) {
    const summary = document.querySelector("[data-problem-summary]");
    if (!summary) return;
    const list = summary.querySelector("[data-problem-list]");
    list.replaceChildren(
      ...problems.map((problem) => {
        const item = document.createElement("li");
        const label = document.createElement(problem.id ? "a" : "code");
        label.textContent = problem.label;
        if (problem.id) label.href = `#${problem.id}`;
        item.append(label, ` ${problem.message}`);
        return item;
      }),
    );
    summary.hidden = problems.length === 0;
  }
}

class SaveError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

const form = document.querySelector("[data-cv-editor]");
if (form) new Editor(form);
