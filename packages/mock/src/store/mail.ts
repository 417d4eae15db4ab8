// The mailbox: every email the mock "sends", the newest 1,000 kept.
import { normaliseEmail } from '@visitor-access/contract';
import { randomId } from '../crypto.js';
import type { MessageRecord } from '../records.js';
import type { Kernel } from './state.js';

/** How many messages the mailbox keeps (the oldest go first). */
export const MAILBOX_SIZE = 1000;

export class MailSlice {
  constructor(private readonly k: Kernel) {}

  send(message: Omit<MessageRecord, 'id' | 'sentAt'>): MessageRecord {
    const record: MessageRecord = { id: randomId('msg_'), sentAt: this.k.now(), ...message };
    this.k.t.messages.put(record.id, record);
    // Insertion order is sending order: the first key is the oldest message.
    while (this.k.t.messages.size > MAILBOX_SIZE) this.k.t.messages.delete(this.k.t.messages.keys().next().value!);
    return record;
  }

  /** Emails, newest first, optionally only those to one address. */
  messagesTo(to?: string): MessageRecord[] {
    const normalised = to === undefined ? undefined : normaliseEmail(to);
    const all = [...this.k.t.messages.values()];
    const out: MessageRecord[] = [];
    for (let i = all.length - 1; i >= 0; i--) {
      const m = all[i]!;
      if (normalised === undefined || m.to === normalised) out.push(m);
    }
    return out;
  }
}
