// Message search (docs/protocol.md, "Search"): a box in the sidebar and the results under it;
// a click on a result opens its chat. For tests: the form is #search-form with an input named q,
// each result is a #search-results li carrying data-chat and data-message, #search-more loads the
// next page and #search-status says when nothing was found or the search failed.
// A snippet is HTML whose only markup is <mark>. It is rebuilt here as text nodes and <mark>
// elements, never assigned as HTML, so nothing a user wrote can become markup on this page.

const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'" };

/** The snippet as DOM nodes: its text, with <mark> elements around the matched words. */
export function snippetNodes(snippet) {
  const nodes = [];
  let marked = false;
  for (const part of snippet.split(/(<\/?mark>)/)) {
    if (part === "<mark>" || part === "</mark>") {
      marked = part === "<mark>";
    } else if (part) {
      const text = document.createTextNode(part.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]));
      if (marked) {
        const mark = document.createElement("mark");
        mark.append(text);
        nodes.push(mark);
      } else {
        nodes.push(text);
      }
    }
  }
  return nodes;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((child) => child != null));
  return node;
}

function chatTitle(hit) {
  return hit.chat_kind === "room" ? `#${hit.chat_name}` : hit.chat_name ?? `chat ${hit.chat_id}`;
}

/**
 * Puts the search box into {@code container}. {@code api(path)} is the REST call of the page's
 * client (resolves with the JSON body, throws with a message); {@code openChat(chatId)} opens a chat.
 */
export function mountSearch(container, { api, openChat }) {
  const input = element("input", { name: "q", type: "search", placeholder: "Search messages", maxlength: "200", required: "" });
  const form = element("form", { id: "search-form", class: "inline", role: "search" }, input, element("button", {}, "Search"));
  const results = element("ol", { id: "search-results" });
  const status = element("p", { id: "search-status", "aria-live": "polite" });
  const more = element("button", { id: "search-more", type: "button", hidden: "" }, "More results");
  container.replaceChildren(form, status, results, more);

  let query = null; // { q, next }: the search shown, and its next page's cursor
  let generation = 0; // answers to an older search are dropped

  function clear() {
    generation++;
    query = null;
    results.replaceChildren();
    status.textContent = "";
    more.hidden = true;
  }

  async function load(q, before) {
    const mine = ++generation;
    const params = new URLSearchParams({ q, limit: "20" });
    if (before) params.set("before", before);
    try {
      const page = await api(`/api/v1/search?${params}`);
      if (mine !== generation) return;
      if (!before) results.replaceChildren();
      results.append(...page.results.map(render));
      query = { q, next: page.next_before };
      more.hidden = !page.has_more;
      status.textContent = results.childElementCount ? "" : "No messages found.";
    } catch (error) {
      if (mine === generation) status.textContent = `⚠ ${error.message}`;
    }
  }

  function render(hit) {
    const meta = `${hit.sender_username ?? hit.sender_id ?? ""} · ${new Date(hit.created_at).toLocaleString()}`;
    const item = element("li", { "data-chat": hit.chat_id, "data-message": hit.id, "data-seq": hit.seq, tabindex: "0" },
      element("div", { class: "name" }, chatTitle(hit)),
      element("div", { class: "snippet" }, ...snippetNodes(hit.snippet)),
      element("div", { class: "meta" }, meta));
    item.addEventListener("click", () => openChat(hit.chat_id));
    item.addEventListener("keydown", (event) => event.key === "Enter" && openChat(hit.chat_id));
    return item;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = input.value.trim();
    q ? load(q, null) : clear();
  });
  input.addEventListener("input", () => { if (!input.value.trim()) clear(); });
  input.addEventListener("keydown", (event) => { if (event.key === "Escape") { input.value = ""; clear(); } });
  more.addEventListener("click", () => query?.next && load(query.q, query.next));
}
