// Server-sent events, as the HTML standard's "event stream interpretation" reads them
// (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
// lines end in CRLF, LF or CR; a blank line dispatches the event; ':' starts a comment (Mastodon's
// `:thump` heartbeat); `data` lines join with '\n'; one space after the colon is dropped. Pure:
// feed it text as it arrives, it returns the events completed so far.

export interface ServerSentEvent {
  /** 'message' when the stream gave no `event:` field. */
  event: string;
  data: string;
  id: string | null;
}

export class SseParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];
  #id: string | null = null;
  #pendingCr = false;
  /** The last `retry:` the server asked for, in ms. */
  retryMs: number | null = null;
  /** Comments seen (heartbeats): a reader can tell the stream is alive. */
  comments = 0;

  push(chunk: string): ServerSentEvent[] {
    let text = chunk;
    // A CR at the end of the last chunk may be the first half of a CRLF.
    if (this.#pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.#pendingCr = text.endsWith('\r');
    this.#buffer += text;
    const out: ServerSentEvent[] = [];
    const lines = this.#buffer.split(/\r\n|\n|\r/);
    this.#buffer = lines.pop() ?? '';
    for (const line of lines) this.#line(line, out);
    return out;
  }

  #line(line: string, out: ServerSentEvent[]): void {
    if (line === '') {
      if (this.#data.length > 0) out.push({ event: this.#event || 'message', data: this.#data.join('\n'), id: this.#id });
      this.#event = '';
      this.#data = [];
      return;
    }
    if (line.startsWith(':')) {
      this.comments += 1;
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }
}
