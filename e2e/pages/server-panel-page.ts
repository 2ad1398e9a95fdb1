// The server panel as a learner uses it: set the form's choices, watch a server's row (its policies,
// counters and accept() queue), and read what its connections' journals recorded.
import { expect, type Locator, type Page } from '@playwright/test';
import { openServerSettings } from './workbench-page';

export interface ServerChoices {
  responder?: 'canned' | 'static' | 'routes' | 'echo';
  answer?: 'first_chunk' | 'request_end' | 'peer_fin';
  after?: 'close' | 'half_close' | 'keep_alive' | 'reset' | 'hang' | 'drip';
  accept?: 'concurrent' | 'sequential';
  dripBytes?: number;
  dripEveryMs?: number;
  /** Seconds. */
  headerTimeout?: number;
  /** How long a half-closed server waits for the client's FIN (ms). */
  finWaitMs?: number;
}

export interface ServerStats {
  open: number;
  queued: number;
  served: number;
  accepted: number;
}

/** One request seen on a server-side connection: when its bytes arrived, and its request line. */
export interface SeenRequest {
  connId: string;
  at: number;
  line: string;
  journal: string;
}

export class ServerPanelPage {
  constructor(readonly page: Page) {}

  byId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Sets the form's choices (for the next server, or live on the one being edited). */
  async choose(choices: ServerChoices): Promise<void> {
    await openServerSettings(this.page);
    if (choices.responder) await this.byId('server-responder').selectOption(choices.responder);
    if (choices.answer) await this.byId('server-answer').selectOption(choices.answer);
    if (choices.after) await this.byId('server-after').selectOption(choices.after);
    if (choices.accept) await this.byId('server-accept').selectOption(choices.accept);
    if (choices.dripBytes !== undefined) await this.byId('server-drip-bytes').fill(String(choices.dripBytes));
    if (choices.dripEveryMs !== undefined) await this.byId('server-drip-ms').fill(String(choices.dripEveryMs));
    if (choices.headerTimeout !== undefined) await this.byId('server-header-timeout').fill(String(choices.headerTimeout));
    if (choices.finWaitMs !== undefined) await this.byId('server-fin-wait').fill(String(choices.finWaitMs));
  }

  /** Adds a route to the routes table as the form offers a new one (exact bytes: a short 200), at this path. */
  async addBytesRoute(path: string): Promise<void> {
    await openServerSettings(this.page);
    const routes = this.byId('server-route');
    const before = await routes.count();
    await this.byId('server-route-add').click();
    await expect(routes).toHaveCount(before + 1);
    const route = routes.nth(before);
    await expect(route.getByTestId('server-route-kind')).toHaveValue('bytes');
    await route.getByTestId('server-route-path').fill(path);
  }

  row(port: number): Locator {
    return this.page.locator(`[data-testid="server-row"][data-port="${port}"]`);
  }

  /** The counters of the server on `port`, as its row shows them. */
  async stats(port: number): Promise<ServerStats> {
    const el = this.row(port).getByTestId('server-stats');
    const n = async (name: string): Promise<number> => Number(await el.getAttribute(`data-${name}`));
    return { open: await n('open'), queued: await n('queued'), served: await n('served'), accepted: await n('accepted') };
  }

  /** Waits until the engine reports the server on `port` with this policy (the row shows the engine's word). */
  async expectPolicy(port: number, attr: 'responder' | 'answer' | 'after' | 'accept', value: string): Promise<void> {
    await expect(this.row(port).getByTestId('server-policies')).toHaveAttribute(`data-${attr}`, value);
  }

  /**
   * Every request the server-side connections received, in the order their bytes arrived, read
   * from each connection's journal in the app (clicking each one in the connection list).
   */
  async seenRequests(): Promise<SeenRequest[]> {
    const rows = this.page.locator('[data-testid="conn-row"][data-role="server"]');
    const seen: SeenRequest[] = [];
    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const connId = (await row.getAttribute('data-conn-id')) ?? '';
      await row.click();
      const journal = this.page.getByTestId('journal');
      await expect(journal).toHaveAttribute('data-conn-id', connId);
      await expect(journal.getByTestId('journal-entry').first()).toBeVisible();
      const text = (await journal.textContent()) ?? '';
      const chunks = journal.locator('[data-testid="journal-entry"][data-kind="data"][data-dir="in"]');
      for (const chunk of await chunks.all()) {
        // The chunk's bytes as the journal draws them (CR and LF as glyphs); a request starts a line.
        const bytes = (await chunk.locator('.payload').textContent()) ?? '';
        const line = /^([A-Z]+ \S+ HTTP\/1\.[01])/m.exec(bytes)?.[1];
        if (line) seen.push({ connId, at: Number(await chunk.getAttribute('data-at')), line, journal: text });
      }
    }
    return seen.sort((a, b) => a.at - b.at);
  }
}
