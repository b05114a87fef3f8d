// Vitae front-end: progressive enhancement only; every page works without it.

const STORAGE_KEY = "vitae-theme";
const root = document.documentElement;
const systemDark = window.matchMedia("(prefers-color-scheme: dark)");

function storedTheme() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "dark" || value === "light" ? value : null;
  } catch {
    return null; // storage disabled: follow the system
  }
}

function storeTheme(theme) {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

function applyTheme(theme) {
  if (theme) {
    root.dataset.theme = theme;
  } else {
    delete root.dataset.theme;
  }
}

function effectiveTheme() {
  return root.dataset.theme || (systemDark.matches ? "dark" : "light");
}

function initThemeToggle() {
  applyTheme(storedTheme());

  const slot = document.querySelector("[data-theme-toggle-slot]");
  if (!slot) return;

  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button-small theme-toggle";
  button.setAttribute("role", "switch");
  button.textContent = "Dark theme";

  const sync = () => button.setAttribute("aria-checked", String(effectiveTheme() === "dark"));

  button.addEventListener("click", () => {
    const next = effectiveTheme() === "dark" ? "light" : "dark";
    applyTheme(next);
    storeTheme(next);
    sync();
  });

  // Follow system changes while no explicit choice is stored.
  systemDark.addEventListener("change", sync);

  // Keep other open tabs in step.
  window.addEventListener("storage", (event) => {
    if (event.key !== STORAGE_KEY) return;
    applyTheme(storedTheme());
    sync();
  });

  sync();
  slot.append(button);
}

initThemeToggle();
