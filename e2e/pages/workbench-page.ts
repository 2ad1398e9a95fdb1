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

/** True when `wanted` appears in `seen` in the same order, other entries allowed between. */
export function isSubsequence(wanted: string[], seen: string[]): boolean {
  let i = 0;
  for (const kind of seen) if (kind === wanted[i]) i++;
  return i === wanted.length;
}
