import { events, type EventName, type EventPayload } from '../../shared/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

/** What a transport needs of the core's events: the bus itself, or the relay of a core on another thread. */
export interface EventSubscriber {
  subscribe(listener: EventListener): () => void;
}

/** Events from the core to every connected window; payloads are checked against the contract on the way out. */
export class EventBus implements EventSubscriber {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].payload.parse(payload);
    for (const listener of this.listeners) {
      try {
        listener(name, checked);
      } catch {
        // A closed window or a dropped HTTP stream must not stop the others from hearing the event.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
