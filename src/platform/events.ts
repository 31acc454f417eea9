// Live updates inside one process: capabilities publish workspace events, the SSE route
// forwards them to browsers. Server mode (several web processes) will bridge this bus over NATS.

export interface LiveEvent {
  type: string;
  [key: string]: unknown;
}

type Listener = (event: LiveEvent) => void;

export class EventBus {
  readonly #listeners = new Map<number, Set<Listener>>();
  readonly #closers = new Set<() => void>();

  publish(workspaceId: number, event: LiveEvent): void {
    for (const listener of this.#listeners.get(workspaceId) ?? []) listener(event);
  }

  /** Listens to one workspace; returns the function that stops listening. */
  subscribe(workspaceId: number, listener: Listener, onClose?: () => void): () => void {
    let set = this.#listeners.get(workspaceId);
    if (!set) this.#listeners.set(workspaceId, (set = new Set()));
    set.add(listener);
    if (onClose) this.#closers.add(onClose);
    return () => {
      set.delete(listener);
      if (onClose) this.#closers.delete(onClose);
    };
  }

  listenerCount(workspaceId: number): number {
    return this.#listeners.get(workspaceId)?.size ?? 0;
  }

  /** At shutdown: ends every open stream so the server can close. */
  closeAll(): void {
    for (const close of [...this.#closers]) close();
    this.#closers.clear();
  }
}
