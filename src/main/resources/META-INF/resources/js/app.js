// The Parley web page: sign-in, a sidebar of chats, a conversation view.
// Everything a user wrote is rendered with textContent, never as markup.
import { ParleyClient } from "./parley-client.js";
import { contactList } from "./contacts.js";
import { mountSearch } from "./search.js";

const $ = (selector) => document.querySelector(selector);
const TOKEN_KEY = "parley.token";

/** Builds an element; strings become text nodes, never HTML. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child != null) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const state = {
  client: null,
  me: null,
  chats: new Map(), // chat id -> chat
  names: new Map(), // user id -> username
  online: new Set(),
  current: null, // { chatId } or { recipientId } for a direct chat not started yet
  editing: null, // { id, draft }: survives re-renders caused by incoming events
  typingTimers: new Map(),
  contacts: null, // the sidebar's contact list (contacts.js)
};

function chatOf(id) {
  if (!state.chats.has(id)) {
    state.chats.set(id, { id, kind: "direct", name: null, peer: null, unread: 0, last: null,
      messages: new Map(), hasMore: true, loaded: false, delivered: new Map(), read: new Map() });
  }
  return state.chats.get(id);
}

// ---------- sign-in ----------

function start() {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromFragment) {
    localStorage.setItem(TOKEN_KEY, fromFragment);
    history.replaceState(null, "", location.pathname);
  }
  const token = localStorage.getItem(TOKEN_KEY);
  token ? open(token) : showSignIn("Sign in to chat.");
}

function showSignIn(note, error = "") {
  $("#chat").hidden = true;
  $("#sign-in").hidden = false;
  $("#sign-in-note").textContent = note;
  $("#sign-in-error").textContent = error;
}

$("#dev-sign-in").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch("/api/dev/tokens", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ user_id: Number(form.get("user_id")), username: form.get("username") }),
  });
  if (response.status === 404) {
    $("#sign-in-error").textContent = "Token minting exists only in the dev profile (./parley run). Paste a token from your identity provider instead.";
    return;
  }
  const body = await response.json();
  if (!response.ok) {
    $("#sign-in-error").textContent = body.message;
    return;
  }
  localStorage.setItem(TOKEN_KEY, body.token);
  open(body.token);
});

$("#token-sign-in").addEventListener("submit", (event) => {
  event.preventDefault();
  const token = new FormData(event.target).get("token").trim();
  localStorage.setItem(TOKEN_KEY, token);
  open(token);
});

$("#sign-out").addEventListener("click", () => {
  localStorage.removeItem(TOKEN_KEY);
  state.client?.close();
  location.reload();
});

async function open(token) {
  const client = new ParleyClient({ token });
  try {
    state.me = await client.api("/api/v1/users/me");
  } catch (error) {
    localStorage.removeItem(TOKEN_KEY);
    showSignIn("Sign in to chat.", error.status === 401 ? "That token is missing, expired or not valid here." : error.message);
    return;
  }
  state.client = client;
  state.names.set(state.me.id, state.me.username);
  $("#me").textContent = state.me.username;
  $("#sign-in").hidden = true;
  $("#chat").hidden = false;
  listen(client);
  mountSearch($("#search"), { api: (path) => client.api(path), openChat });
  client.connect();
  state.contacts = contactList({ api: (path) => client.api(path), el, filter: $("#contact-filter"), list: $("#contacts"),
    isOnline: (contact) => state.online.has(contact.id),
    onPick: (contact) => {
      state.names.set(contact.id, contact.username);
      startDirect(contact.id, contact.last_seen);
    } });
  await refreshChats();
  const contacts = await state.contacts.load();
  for (const contact of contacts) if (contact.presence === "online") state.online.add(contact.id);
  state.contacts.render();
}

// ---------- live events ----------

function listen(client) {
  client.addEventListener("state", ({ detail }) => {
    const badge = $("#connection");
    badge.textContent = { open: "online", reconnecting: "reconnecting…", connecting: "connecting…", expired: "token expired", closed: "offline" }[detail];
    badge.className = `state ${detail}`;
    if (detail === "expired") {
      localStorage.removeItem(TOKEN_KEY);
      showSignIn("Your session expired.", "Sign in again to continue.");
    }
  });
  client.addEventListener("connected", ({ detail }) => {
    state.online = new Set(detail.online_users);
    renderChats();
  });
  client.addEventListener("message", ({ detail }) => {
    state.names.set(detail.sender_id, detail.sender_username);
    const fresh = !state.chats.has(detail.chat_id);
    const chat = chatOf(detail.chat_id);
    if (!chat.peer) { // a new direct chat: its name is the other person's, known from the frame itself
      const peerId = detail.sender_id === state.me.id ? detail.recipient_id : detail.sender_id;
      chat.peer = { id: peerId, username: state.names.get(peerId) };
    }
    if (fresh) refreshChats(); // the rest of what the list shows (presence, last seen) comes from the server
    addMessage({ id: detail.id, chatId: detail.chat_id, seq: detail.seq, senderId: detail.sender_id,
      content: detail.content, createdAt: detail.timestamp, deleted: detail.content == null });
  });
  client.addEventListener("new_message", ({ detail }) => {
    const m = detail.message;
    const fresh = !state.chats.has(detail.chat_id);
    if (m.sender_id != null) state.names.set(m.sender_id, m.sender_username);
    addMessage({ id: m.id, chatId: detail.chat_id, seq: m.seq, senderId: m.sender_id, content: m.content,
      createdAt: m.created_at, deleted: m.content == null, system: m.message_type === "system" });
    if (fresh) refreshChats(); // e.g. a system message that opened a direct chat
  });
  client.addEventListener("message_updated", ({ detail }) => changeMessage(detail.chat_id, detail.message_id,
    (m) => Object.assign(m, { content: detail.content, edited: true })));
  client.addEventListener("message_deleted", ({ detail }) => changeMessage(detail.chat_id, detail.message_id,
    (m) => Object.assign(m, { content: null, deleted: true })));
  client.addEventListener("delivered", ({ detail }) => watermark(detail.chat_id, "delivered", detail.user_id, detail.message_id));
  client.addEventListener("read", ({ detail }) => watermark(detail.chat_id, "read", detail.reader_id, detail.message_id));
  client.addEventListener("messages_read", ({ detail }) => {
    const chat = chatOf(detail.chat_id);
    chat.read.set(detail.user_id, Math.max(chat.read.get(detail.user_id) ?? 0, detail.last_read_seq));
    if (detail.user_id === state.me.id) chat.unread = 0;
    render();
  });
  client.addEventListener("typing", ({ detail }) => showTyping(detail));
  client.addEventListener("user_status", ({ detail }) => {
    // "offline" is a status a seed 001 client may set while still connected.
    if (detail.status === "online") state.online.add(detail.user_id);
    if (detail.status === "offline") state.online.delete(detail.user_id);
    renderChats();
    state.contacts?.render();
  });
  client.addEventListener("user_offline", ({ detail }) => {
    state.online.delete(detail.user_id);
    state.contacts?.render();
    for (const chat of state.chats.values()) {
      if (chat.peer?.id === detail.user_id) chat.peer.last_seen = detail.last_seen;
    }
    render();
  });
  for (const type of ["user_joined", "user_left"]) {
    client.addEventListener(type, ({ detail }) => {
      state.names.set(detail.user_id, detail.username);
      const chat = chatOf(detail.chat_id);
      // A notice sits after the messages seen so far (between seq n and n + 1).
      const seqs = [...chat.messages.values()].map((m) => m.seq);
      const after = seqs.length ? Math.max(...seqs) : 0;
      chat.messages.set(`notice-${Date.now()}-${detail.user_id}`,
        { notice: `${detail.username ?? detail.user_id} ${type === "user_joined" ? "joined" : "left"}`, seq: after + 0.001 });
      if (!chat.name) refreshChats();
      render();
    });
  }
  client.addEventListener("synced", ({ detail }) => {
    positions(chatOf(detail.chat_id), detail.receipts);
    render();
  });
  client.addEventListener("error", ({ detail }) => {
    $("#typing").textContent = `⚠ ${detail.message}`;
  });
}

function addMessage(message) {
  const chat = chatOf(message.chatId);
  const known = chat.messages.has(message.seq);
  chat.messages.set(message.seq, message);
  chat.last = message;
  const viewing = state.current?.chatId === message.chatId
    || (state.current?.recipientId && chat.kind === "direct" && (message.senderId === state.current.recipientId || message.senderId === state.me.id));
  if (viewing && !state.current.chatId) {
    state.current = { chatId: message.chatId };
  }
  if (!known && message.senderId !== state.me.id) {
    viewing && document.visibilityState === "visible" ? state.client.readAll(message.chatId) : chat.unread++;
  }
  if (!chat.name && !chat.peer) refreshChats();
  render();
}

function changeMessage(chatId, messageId, change) {
  for (const message of chatOf(chatId).messages.values()) {
    if (message.id === messageId) change(message);
  }
  render();
}

/** How far the other members have received and read, as the server last told it (chat list, synced). */
function positions(chat, receipts) {
  for (const r of receipts ?? []) {
    chat.delivered.set(r.user_id, Math.max(chat.delivered.get(r.user_id) ?? 0, r.last_delivered_seq));
    chat.read.set(r.user_id, Math.max(chat.read.get(r.user_id) ?? 0, r.last_read_seq));
  }
}

function watermark(chatId, kind, userId, messageId) {
  const chat = chatOf(chatId);
  const message = [...chat.messages.values()].find((m) => m.id === messageId);
  if (message) chat[kind].set(userId, Math.max(chat[kind].get(userId) ?? 0, message.seq));
  render();
}

function showTyping(detail) {
  const key = `${detail.chat_id ?? "u" + detail.user_id}:${detail.user_id}`;
  clearTimeout(state.typingTimers.get(key));
  state.typingTimers.delete(key);
  if (detail.is_typing) {
    // The server ends a typing state after 3 s; this is the page's own safety net.
    state.typingTimers.set(key, setTimeout(() => { state.typingTimers.delete(key); renderTyping(); }, 3500));
  }
  state.names.set(detail.user_id, detail.username);
  renderTyping();
}

// ---------- REST ----------

async function refreshChats() {
  const [chats, online] = await Promise.all([state.client.api("/api/v1/chats"),
    state.client.api("/api/v1/ws/online-users")]);
  state.online = new Set(online.online_users);
  state.contacts?.render();
  for (const summary of chats) {
    const chat = chatOf(summary.id);
    Object.assign(chat, { kind: summary.kind, name: summary.name, peer: summary.peer, unread: summary.unread_count });
    positions(chat, summary.receipts);
    if (summary.peer) state.names.set(summary.peer.id, summary.peer.username);
    if (summary.last_message && !chat.last) {
      chat.last = { content: summary.last_message.content, deleted: summary.last_message.deleted };
    }
    state.client.seen(summary.id, summary.last_seq);
  }
  render();
}

/** Loads older messages of the current chat (infinite scroll upward). */
async function loadOlder(chat) {
  if (!chat.hasMore || chat.loading) return;
  chat.loading = true;
  const seqs = [...chat.messages.keys()].filter((seq) => typeof seq === "number");
  const before = seqs.length ? Math.min(...seqs) : null;
  const page = await state.client.api(`/api/v1/chats/${chat.id}/messages?limit=30${before ? `&before_seq=${before}` : ""}`);
  for (const m of page.messages) {
    chat.messages.set(m.seq, { id: m.id, chatId: m.chat_id, seq: m.seq, senderId: m.sender_id, content: m.content,
      createdAt: m.created_at, edited: m.edited_at != null, deleted: m.deleted, system: m.message_type === "system" });
  }
  chat.hasMore = page.has_more;
  chat.loaded = true;
  chat.loading = false;
  const list = $("#messages");
  const height = list.scrollHeight;
  render();
  list.scrollTop = before ? list.scrollHeight - height : list.scrollHeight;
}

// ---------- actions ----------

function openChat(chatId) {
  state.current = { chatId };
  const chat = chatOf(chatId);
  if (chat.kind === "room") state.client.joinChat(chatId);
  if (!chat.loaded) loadOlder(chat);
  if (chat.unread > 0) {
    state.client.readAll(chatId);
    chat.unread = 0;
  }
  render();
  $("#composer textarea").focus();
}

$("#new-direct").addEventListener("submit", (event) => {
  event.preventDefault();
  const userId = Number(new FormData(event.target).get("user_id"));
  startDirect(userId);
  event.target.reset();
});

/** Opens the direct chat with a user, or an empty one that their first message creates. */
function startDirect(userId) {
  const existing = [...state.chats.values()].find((chat) => chat.kind === "direct" && chat.peer?.id === userId);
  existing ? openChat(existing.id) : (state.current = { recipientId: userId }, render());
}

$("#new-group").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const members = String(form.get("members")).split(/[\s,]+/).filter(Boolean).map(Number);
  try {
    const group = await state.client.api("/api/v1/chats", { method: "POST", body: { name: form.get("name"), member_ids: members } });
    event.target.reset();
    await refreshChats();
    openChat(group.id);
  } catch (error) {
    $("#typing").textContent = `⚠ ${error.message}`;
  }
});

$("#join-room").addEventListener("submit", (event) => {
  event.preventDefault();
  const name = new FormData(event.target).get("room");
  event.target.reset();
  // The room endpoint creates the room and makes us a member; the main connection
  // then follows it by id (join_chat), and this side connection is closed.
  const socket = new WebSocket(`${location.origin.replace(/^http/, "ws")}/ws/rooms/${encodeURIComponent(name)}?token=${encodeURIComponent(state.client.token)}`);
  socket.onmessage = async (message) => {
    if (JSON.parse(message.data).type !== "connected") return;
    for (let attempt = 0; attempt < 20; attempt++) {
      await refreshChats();
      const room = [...state.chats.values()].find((chat) => chat.kind === "room" && chat.name === name);
      if (room) {
        socket.close();
        openChat(room.id);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    socket.close();
  };
  socket.onclose = (closed) => {
    if (closed.code === 4400) $("#typing").textContent = "⚠ A room name is 1 to 64 letters, digits, '_', '.' or '-'";
  };
});

const composer = $("#composer textarea");
let typingSent = 0;
let stopTyping = null;
composer.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    $("#composer").requestSubmit();
  }
});
composer.addEventListener("input", () => {
  const target = targetOfCurrent();
  if (!target) return;
  if (Date.now() - typingSent > 1500) {
    state.client.typing(target, true);
    typingSent = Date.now();
  }
  clearTimeout(stopTyping);
  stopTyping = setTimeout(() => { state.client.typing(target, false); typingSent = 0; }, 2000);
});
$("#composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const content = composer.value.trim();
  const target = targetOfCurrent();
  if (!content || !target) return;
  if (state.client.sendMessage({ ...target, content })) {
    composer.value = "";
    clearTimeout(stopTyping);
    if (typingSent) state.client.typing(target, false);
    typingSent = 0;
  }
});

function targetOfCurrent() {
  if (!state.current) return null;
  return state.current.chatId ? { chatId: state.current.chatId } : { recipientId: state.current.recipientId };
}

function startEditing(message) {
  state.editing = { id: message.id, draft: message.content };
  render();
}

function editor(message) {
  const box = el("textarea", { rows: 2, class: "editor" });
  box.value = state.editing.draft;
  box.addEventListener("input", () => { state.editing.draft = box.value; });
  box.addEventListener("keydown", async (event) => {
    if (event.key === "Escape") {
      state.editing = null;
      render();
    } else if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      const content = box.value;
      state.editing = null;
      render();
      await state.client.api(`/api/v1/messages/${message.id}`, { method: "PATCH", body: { content } });
    }
  });
  return box;
}

// ---------- rendering ----------

function title(chat) {
  if (chat.kind === "room") return `#${chat.name}`;
  if (chat.kind === "group") return chat.name;
  return chat.peer?.username ?? state.names.get(chat.peer?.id) ?? `chat ${chat.id}`;
}

function render() {
  renderChats();
  renderConversation();
  renderTyping();
}

function renderChats() {
  const items = [...state.chats.values()].filter((chat) => chat.kind).map((chat) => el("li",
    { class: state.current?.chatId === chat.id ? "active" : "", onclick: () => openChat(chat.id), "data-chat": chat.id },
    el("div", { class: "name" },
      chat.peer ? el("span", { class: `dot ${state.online.has(chat.peer.id) ? "online" : ""}` }) : null,
      title(chat), chat.unread > 0 ? el("span", { class: "badge" }, chat.unread) : null),
    el("div", { class: "preview" }, chat.last?.deleted ? "deleted" : chat.last?.content ?? "")));
  $("#chats").replaceChildren(...items);
}

function renderConversation() {
  const current = state.current;
  composer.disabled = !current;
  $("#composer button").disabled = !current;
  if (!current) return;
  const chat = current.chatId ? chatOf(current.chatId) : null;
  const peerId = chat?.peer?.id ?? current.recipientId;
  $("#title").textContent = chat ? title(chat) : (state.names.get(peerId) ?? `user ${peerId}`);
  const lastSeen = chat?.peer?.last_seen;
  $("#presence").textContent = peerId == null || chat?.kind !== "direct" && chat ? ""
    : state.online.has(peerId) ? "online" : lastSeen ? `last seen ${new Date(lastSeen).toLocaleString()}` : "offline";
  const list = $("#messages");
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  const messages = chat ? [...chat.messages.values()].sort((a, b) => a.seq - b.seq) : [];
  list.replaceChildren(...messages.map((message) => renderMessage(chat, message)));
  if (nearBottom) list.scrollTop = list.scrollHeight;
  const editorBox = list.querySelector("textarea.editor");
  if (editorBox) {
    editorBox.focus(); // a re-render must not take the caret away from an edit in progress
    editorBox.setSelectionRange(editorBox.value.length, editorBox.value.length);
  }
}

function renderMessage(chat, message) {
  if (message.notice) return el("li", { class: "notice" }, message.notice);
  // From the platform, not a person: set apart, no sender, no actions.
  if (message.system) return el("li", { class: "system", "data-seq": message.seq },
    message.deleted ? "message deleted" : message.content,
    el("div", { class: "meta" }, new Date(message.createdAt).toLocaleTimeString()));
  const mine = message.senderId === state.me.id;
  const editing = state.editing?.id === message.id && !message.deleted;
  const body = el("div", {}, editing ? editor(message)
    : message.deleted ? el("span", { class: "deleted" }, "message deleted") : message.content);
  const meta = el("div", { class: "meta" },
    mine ? "" : `${state.names.get(message.senderId) ?? message.senderId} · `,
    new Date(message.createdAt).toLocaleTimeString(),
    message.edited && !message.deleted ? " (edited)" : "",
    mine && chat.kind !== "room" ? ticks(chat, message) : null,
    mine && !message.deleted && !editing ? el("button", { onclick: () => startEditing(message) }, "edit") : null,
    mine && !message.deleted ? el("button", { onclick: () => confirm("Delete this message for everyone?")
      && state.client.api(`/api/v1/messages/${message.id}`, { method: "DELETE" }) }, "delete") : null);
  return el("li", { class: mine ? "mine" : "", "data-seq": message.seq }, body, meta);
}

/** ✓ sent, ✓✓ delivered, blue ✓✓ read (by every other member, for groups by anyone). */
function ticks(chat, message) {
  const read = [...chat.read.entries()].some(([user, seq]) => user !== state.me.id && seq >= message.seq);
  const delivered = read || [...chat.delivered.entries()].some(([user, seq]) => user !== state.me.id && seq >= message.seq);
  return el("span", { class: `ticks ${read ? "read" : delivered ? "delivered" : "sent"}`, title: read ? "read" : delivered ? "delivered" : "sent" },
    read || delivered ? " ✓✓" : " ✓");
}

function renderTyping() {
  const current = state.current;
  const peerId = current?.chatId ? chatOf(current.chatId).peer?.id : current?.recipientId;
  const names = [...state.typingTimers.keys()]
    .filter((key) => (current?.chatId && key.startsWith(`${current.chatId}:`)) || (peerId && key.startsWith(`u${peerId}:`)))
    .map((key) => state.names.get(Number(key.split(":")[1])) ?? "someone");
  $("#typing").textContent = names.length ? `${names.join(", ")} ${names.length > 1 ? "are" : "is"} typing…` : "";
}

$("#messages").addEventListener("scroll", (event) => {
  if (event.target.scrollTop === 0 && state.current?.chatId) loadOlder(chatOf(state.current.chatId));
});
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && state.current?.chatId) state.client?.readAll(state.current.chatId);
});

start();
