// What a learner does with Wirebench, as methods: specs read as the lesson, not as selectors.
import { expect, type Locator, type Page } from '@playwright/test';

export type Role = 'server' | 'client';

export class WorkbenchPage {
  constructor(readonly page: Page) {}

  byId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Starts the built-in server on a port (0: any free one) and returns the port it listens on. */
  async startServer(port: number): Promise<number> {
    await this.byId('server-port').fill(String(port));
    await this.byId('server-start').click();
    const status = this.byId('server-status');
    await expect(status).toContainText(/127\.0\.0\.1:\d+/);
    const match = /127\.0\.0\.1:(\d+)/.exec((await status.textContent()) ?? '');
    if (!match?.[1]) throw new Error('server status shows no port');
    return Number(match[1]);
  }

  async connect(host: string, port: number): Promise<void> {
    await this.byId('client-host').fill(host);
    await this.byId('client-port').fill(String(port));
    await this.byId('client-connect').click();
    await expect(this.byId('client-status')).toContainText(`${host}:${port}`);
  }

  /** Types a line into the client console and presses Enter (the line goes out with CRLF). */
  async typeLine(text: string): Promise<void> {
    const input = this.byId('client-input');
    await input.fill(text);
    await input.press('Enter');
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
