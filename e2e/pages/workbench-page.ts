// What a learner does with Wirebench, as methods: specs read as the lesson, not as selectors.
import { expect, type Locator, type Page } from '@playwright/test';

export type Role = 'server' | 'client';

export class WorkbenchPage {
  constructor(readonly page: Page) {}

  byId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /**
   * Starts a built-in server on a port (0: any free one) with the form's other settings, and returns
   * the port it listens on. If the form is editing a running server, it first asks for a new one.
   */
  async startServer(port: number): Promise<number> {
    await this.openServerSettings();
    const newServer = this.byId('server-new');
    if (await newServer.isVisible()) await newServer.click();
    const rows = this.byId('server-row');
    const before = await rows.count();
    await this.byId('server-port').fill(String(port));
    await this.byId('server-start').click();
    await expect(rows).toHaveCount(before + 1);
    // A started server is the one the form edits: its heading and port field show where it listens.
    await expect(this.byId('server-form')).toHaveAttribute('data-mode', 'edit');
    const listening = Number(await this.byId('server-port').inputValue());
    if (!Number.isInteger(listening) || listening <= 0) throw new Error('the form shows no port for the new server');
    await expect(this.byId('server-status')).toContainText(`127.0.0.1:${listening}`);
    return listening;
  }

  /**
   * Lesson L1 by hand: a server on a free port, the client connected to it, `GET / HTTP/1.0` and a
   * blank line typed, the answer read, and the client's connection selected. Returns the port.
   */
  async l1ByHand(): Promise<number> {
    const port = await this.startServer(0);
    await this.connect('127.0.0.1', port);
    await this.typeLine('GET / HTTP/1.0');
    await this.typeLine('');
    await expect(this.byId('client-output')).toContainText('Hello World');
    await this.select('client');
    return port;
  }

  /** Makes the server form one for a new server (not editing the running one), as "New server" does. */
  async newServerForm(): Promise<void> {
    await this.openServerSettings();
    const newServer = this.byId('server-new');
    if (await newServer.isVisible()) await newServer.click();
    await expect(this.byId('server-form')).toHaveAttribute('data-mode', 'new');
  }

  /** Unfolds the server card to show the whole settings form (a no-op when it is open). */
  async openServerSettings(): Promise<void> {
    await openServerSettings(this.page);
  }

  /** Connects the active client session, typing the target as telnet takes it: `host port`. */
  async connect(host: string, port: number): Promise<void> {
    await this.connectTo(`${host} ${port}`);
    await expect(this.byId('client-status')).toContainText(`${host}:${port}`);
  }

  /** Types any target the console takes (`host:port`, a URL, ...) and presses Connect. */
  async connectTo(target: string): Promise<void> {
    await this.byId('client-target').fill(target);
    await this.byId('client-connect').click();
  }

  /** Types a line into the client console and presses Enter (the line goes out with CRLF). */
  async typeLine(text: string): Promise<void> {
    const input = this.byId('client-input');
    await input.fill(text);
    await input.press('Enter');
  }

  /**
   * Types lines one after the other as a person does who watches each go out: the next line is
   * typed once the connection's row counts the previous one's bytes (the line and its CR LF).
   */
  async typeLines(connId: string, lines: readonly string[]): Promise<void> {
    for (const line of lines) {
      const before = await this.bytesOut(connId);
      await this.typeLine(line);
      await expect.poll(() => this.bytesOut(connId)).toBe(before + new TextEncoder().encode(line).length + 2);
      await expect(this.byId('client-input')).toHaveValue('');
    }
  }

  /**
   * Sends a line with Enter and at once, in the same moment, starts the next one, as a fast typist
   * does: the next line's text is in the input before the first line's send has been answered.
   */
  async typeLineAndGoOn(line: string, next: string): Promise<void> {
    const input = this.byId('client-input');
    await input.fill(line);
    await input.evaluate((el, text) => {
      const area = el as HTMLTextAreaElement;
      area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, text);
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, next);
  }

  /** Opens a new client session in its own tab (it becomes the active one). */
  async newSession(): Promise<void> {
    await this.byId('client-tab-new').click();
  }

  async activateSession(index: number): Promise<void> {
    await this.byId('client-tab').nth(index).click();
  }

  connRows(role?: Role): Locator {
    const rows = this.byId('conn-row');
    return role ? this.page.locator(`[data-testid="conn-row"][data-role="${role}"]`) : rows;
  }

  /** A connection's row in the list, by its id. */
  connRow(connId: string): Locator {
    return this.page.locator(`[data-testid="conn-row"][data-conn-id="${connId}"]`);
  }

  /** The ids of the connections the list shows (of one role, or all), in its order. */
  async connIds(role?: Role): Promise<string[]> {
    return this.connRows(role).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conn-id') ?? ''));
  }

  /** The bytes a connection has received, as its row counts them. */
  async bytesIn(connId: string): Promise<number> {
    const text = (await this.connRow(connId).locator('.bytes-in').textContent()) ?? '';
    return Number(text.replace(/\D/g, ''));
  }

  /** The bytes a connection has sent, as its row counts them. */
  async bytesOut(connId: string): Promise<number> {
    const text = (await this.connRow(connId).locator('.bytes-out').textContent()) ?? '';
    return Number(text.replace(/\D/g, ''));
  }

  /** Waits until each of these connections is closed (the list says so). */
  async expectClosed(connIds: readonly string[]): Promise<void> {
    for (const id of connIds) await expect(this.connRow(id)).toHaveAttribute('data-state', 'closed', { timeout: 15_000 });
  }

  /** Whose socket a connection is: our server's accepted one, or our client's. */
  async roleOf(connId: string): Promise<Role> {
    const role = await this.connRow(connId).getAttribute('data-role');
    if (role !== 'server' && role !== 'client') throw new Error(`connection ${connId} has no role in the list`);
    return role;
  }

  /** Waits for connections of a role that were not in `known`, `count` of them at least, and returns their ids. */
  async newConnIds(role: Role, known: readonly string[], count: number): Promise<string[]> {
    let fresh: string[] = [];
    await expect
      .poll(async () => {
        fresh = (await this.connIds(role)).filter((id) => !known.includes(id));
        return fresh.length;
      })
      .toBeGreaterThanOrEqual(count);
    return fresh;
  }

  async select(role: Role, index = 0): Promise<void> {
    await this.connRows(role).nth(index).click();
  }

  /** The kinds of the selected connection's journal entries, in order ("data:in" for chunks). */
  async journalKinds(): Promise<string[]> {
    return this.byId('journal-entry').evaluateAll((nodes) =>
      nodes.map((n) => {
        const kind = n.getAttribute('data-kind') ?? '?';
        const dir = n.getAttribute('data-dir');
        return dir ? `${kind}:${dir}` : kind;
      }),
    );
  }

  async expectJournalInOrder(expected: string[]): Promise<void> {
    await expect
      .poll(async () => isSubsequence(expected, await this.journalKinds()), { timeout: 10_000 })
      .toBe(true);
  }
}

/** The server card opened to edit (its toggle says so with aria-expanded). */
export async function openServerSettings(page: Page): Promise<void> {
  const side = page.getByTestId('side-tab-server');
  if ((await side.getAttribute('aria-selected')) !== 'true') await side.click();
  const toggle = page.getByTestId('server-card-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByTestId('server-form')).toBeVisible();
}

/** True when `wanted` appears in `seen` in the same order, other entries allowed between. */
export function isSubsequence(wanted: string[], seen: string[]): boolean {
  let i = 0;
  for (const kind of seen) if (kind === wanted[i]) i++;
  return i === wanted.length;
}
