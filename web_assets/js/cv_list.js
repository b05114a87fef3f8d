// My CVs, enhanced: "Delete" asks in a dialog on the page instead of the confirmation page
// it links to. The dialog posts the same form that page does.

const dialog = document.querySelector("[data-delete-dialog]");

function confirmDelete(link) {
  const form = dialog.querySelector("[data-delete-form]");
  form.action = link.getAttribute("href");
  dialog.querySelector("[data-delete-title]").textContent = link.dataset.title;
  dialog.returnFocus = link;
  dialog.showModal();
  dialog.querySelector("[data-dialog-cancel]").focus();
}

if (dialog && typeof dialog.showModal === "function") {
  for (const link of document.querySelectorAll("[data-confirm-delete]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      confirmDelete(link);
    });
  }
  dialog.querySelector("[data-dialog-cancel]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => dialog.returnFocus?.focus());
}
