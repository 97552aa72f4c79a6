// Parley's protocol client (docs/protocol.md): one WebSocket for every chat,
// reconnection with exponential backoff and jitter, and `sync` after a reconnect
// so nothing sent meanwhile is lost and nothing is shown twice.
// Events: "state" (detail: connecting | open | reconnecting | expired | closed)
// and one event per server frame type (detail: the frame).

export class ParleyClient extends EventTarget {
  #token;
  #base;
  #socket = null;
  #attempt = 0;
  #timer = null;
  #stopped = false;
  // chat id -> the seq up to which every message was seen, for sync; and the seqs
  // seen above it. A confirmation of one's own send may overtake someone else's
  // message with a lower seq, so "highest seen" could skip that one after a drop.
  #lastSeq = new Map();
  #ahead = new Map();

  constructor({ token, base = location.origin }) {
    super();
    this.#token = token;
    this.#base = base;
  }

  get token() {
    return this.#token;
  }

  connect() {
    this.#stopped = false;
    this.#emit("state", this.#attempt === 0 ? "connecting" : "reconnecting");
    const url = `${this.#base.replace(/^http/, "ws")}/ws/chat?token=${encodeURIComponent(this.#token)}`;
    const socket = new WebSocket(url);
    this.#socket = socket;
    socket.onmessage = (event) => this.#receive(JSON.parse(event.data));
    socket.onclose = (event) => this.#closed(event.code);
  }

  close() {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#socket?.close(1000);
  }

  send(frame) {
    if (this.#socket?.readyState !== WebSocket.OPEN) {
      return false;
    }
    this.#socket.send(JSON.stringify(frame));
    return true;
  }

  /** Sends a message with a fresh client_msg_id, so a retry after a reconnect cannot duplicate it. */
  sendMessage({ recipientId, chatId, content }) {
    const clientMsgId = crypto.randomUUID();
    const target = chatId ? { chat_id: chatId } : { recipient_id: recipientId };
    return this.send({ type: "message", ...target, content, client_msg_id: clientMsgId }) ? clientMsgId : null;
  }

  typing({ recipientId, chatId }, isTyping) {
    this.send({ type: "typing", ...(chatId ? { chat_id: chatId } : { recipient_id: recipientId }), is_typing: isTyping });
  }

  readAll(chatId) {
    this.send({ type: "read_messages", chat_id: chatId });
  }

  joinChat(chatId) {
    this.send({ type: "join_chat", chat_id: chatId });
  }

  /** A REST call with the token; resolves with the JSON body or throws an Error carrying status and code. */
  async api(path, { method = "GET", body } = {}) {
    const response = await fetch(`${this.#base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.#token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw Object.assign(new Error(json?.message ?? response.statusText), { status: response.status, code: json?.code });
    }
    return json;
  }

  #receive(frame) {
    const chatId = frame.chat_id;
    const seq = frame.type === "message" ? frame.seq : frame.type === "new_message" ? frame.message.seq : null;
    if (seq != null && chatId != null) {
      this.#advance(chatId, seq, false);
    }
    if (frame.type === "connected") {
      const reconnect = this.#attempt > 0;
      this.#attempt = 0;
      this.#emit("state", "open");
      if (reconnect && this.#lastSeq.size > 0) {
        this.send({ type: "sync", chats: Object.fromEntries(this.#lastSeq) });
      }
    }
    this.#emit(frame.type, frame);
  }

  /** Remembers what a page loaded over REST (everything up to seq), so a later sync starts from there. */
  seen(chatId, seq) {
    this.#advance(chatId, seq, true);
  }

  #advance(chatId, seq, upTo) {
    let last = this.#lastSeq.get(chatId) ?? 0; // a chat first met live is new: it starts at 0
    const ahead = this.#ahead.get(chatId) ?? new Set();
    if (upTo) last = Math.max(last, seq);
    else if (seq > last) ahead.add(seq);
    while (ahead.has(last + 1)) ahead.delete(++last);
    for (const s of ahead) if (s <= last) ahead.delete(s);
    this.#lastSeq.set(chatId, last);
    this.#ahead.set(chatId, ahead);
  }

  #closed(code) {
    if (this.#stopped) {
      this.#emit("state", "closed");
      return;
    }
    if (code === 4001 || code === 4003 || this.#tokenExpired()) {
      // A new token (or account) is needed: the handshake would be refused with 401
      // or 403, which a browser only sees as 1006, and reconnecting would loop.
      this.#emit("state", "expired");
      return;
    }
    // 0.5 s, 1 s, 2 s ... capped at 30 s, with jitter so a restarted server is not stormed.
    const delay = Math.min(30_000, 500 * 2 ** this.#attempt) * (0.5 + Math.random() / 2);
    this.#attempt++;
    this.#emit("state", "reconnecting");
    this.#timer = setTimeout(() => this.connect(), delay);
  }

  /** Whether the token's own exp claim has passed; a token that cannot be read counts as valid. */
  #tokenExpired() {
    try {
      const payload = JSON.parse(atob(this.#token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
      return typeof payload.exp === "number" && payload.exp * 1000 <= Date.now();
    } catch {
      return false;
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
