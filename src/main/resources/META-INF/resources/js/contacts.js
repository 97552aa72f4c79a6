// The sidebar's contacts: the people the contact policy lets you message, found
// by name (GET /api/v1/contacts?q=), so nobody has to know a user id.
const DEBOUNCE_MS = 250;

/**
 * Binds the filter box and the list. `api` calls the REST API, `el` builds
 * elements (text, never markup), `isOnline` answers live presence, `onPick`
 * opens the direct chat with a contact.
 */
export function contactList({ api, el, filter, list, isOnline, onPick }) {
  let contacts = [];
  let timer = null;

  async function load() {
    const query = filter.value.trim();
    contacts = await api(`/api/v1/contacts?limit=50${query ? `&q=${encodeURIComponent(query)}` : ""}`);
    render();
    return contacts;
  }

  function render() {
    list.replaceChildren(...contacts.map((contact) => el("li",
      { onclick: () => onPick(contact), "data-user": contact.id, title: (contact.roles ?? []).join(", ") },
      el("span", { class: `dot ${isOnline(contact) ? "online" : ""}` }), contact.username)));
  }

  filter.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(load, DEBOUNCE_MS);
  });
  return { load, render };
}
