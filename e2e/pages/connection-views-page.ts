// Every view of a connection, as a learner opens them one after the other: pick the connection in
// the list, then Events, Bytes as Text, Hex and Split, the Structure beside them, and the Diagram.
// Each view is checked against what is known to have crossed the wire (the bytes a peer sent, the
// answer the server was set to give), and photographed, so a person can look at what a learner sees.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { ByteViewPage, type Dir } from './byte-view-page';
import { TeardownPage } from './teardown-page';
import { WorkbenchPage, type Role } from './workbench-page';

export const VIEWS = ['events', 'text', 'hex', 'split', 'structure', 'diagram'] as const;
export type ViewName = (typeof VIEWS)[number];

/** Where the photographs go: test-results/e2e-screens/<case>-<conn>-<view>.png. */
export const SCREENS_DIR = resolve(import.meta.dirname, '..', '..', 'test-results', 'e2e-screens');

/** The bytes of one direction a connection must show, as far as a spec knows them. */
export interface StreamTruth {
  /** The stream starts with these bytes (latin1 text for a string). */
  starts: string | Uint8Array;
  /** Structure names its first line so (e.g. 'Request line', 'Status line'), or has none (null). */
  firstLine?: 'Request line' | 'Status line' | null;
  /** The structure's first message item, e.g. 'Request 1: GET /' (a prefix is enough). */
  message?: string;
  /** Further on, these bytes (e.g. a file's first bytes after the head), checked in the hex view. */
  at?: { offset: number; bytes: Uint8Array };
  /** The stream holds this many bytes in all (its turns' headings add up to it), when known exactly. */
  length?: number;
}

/** What a connection is known to have carried, and how it ended. */
export interface ConnTruth {
  /** A name for the photographs: `<case>-<name>-<view>.png`. */
  name: string;
  connId: string;
  /** What the client sent on it (null: nothing at all, as a browser's spare connection). */
  request: StreamTruth | null;
  /** What the server answered (null: nothing). */
  response: StreamTruth | null;
  /** Arrows the Diagram must draw, in this order ("from kind", others may come between). */
  arrows: string[];
  /** Both ends are ours (the console's client and our server), so both lanes come from our journals. */
  bothOurs: boolean;
}

/** The bytes a text stands for, one byte per character (the specs' texts are ASCII, or latin1 for binary). */
export function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Uint8Array.from(data, (c) => c.charCodeAt(0)) : data;
}

/** Bytes as the hex view writes them: `47 45 54`. */
export function hexText(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** An ASCII text as the text views draw it: CR as ␍, LF as ␊, TAB as ␉. */
export function drawn(text: string): string {
  return text.replace(/\r/g, '\u240d').replace(/\n/g, '\u240a').replace(/\t/g, '\u2409');
}

/** The leading printable text of some bytes (up to the first byte that is neither ASCII text nor CR/LF). */
function leadingText(bytes: Uint8Array, max: number): string {
  let out = '';
  for (const b of bytes.subarray(0, max)) {
    if (b === 0x0d || b === 0x0a || (b >= 0x20 && b < 0x7f)) out += String.fromCharCode(b);
    else break;
  }
  return out;
}

export class ConnectionViewsPage {
  readonly wb: WorkbenchPage;
  readonly bytes: ByteViewPage;
  readonly diagram: TeardownPage;

  /** The connections toured so far. */
  readonly toured = new Set<string>();

  constructor(
    readonly page: Page,
    /** The lesson or case, first part of each photograph's name. */
    readonly caseName: string,
  ) {
    this.wb = new WorkbenchPage(page);
    this.bytes = new ByteViewPage(page);
    this.diagram = new TeardownPage(page);
    // This case's photographs from an earlier run go: the folder shows this run's only.
    mkdirSync(SCREENS_DIR, { recursive: true });
    for (const file of readdirSync(SCREENS_DIR)) if (file.startsWith(`${caseName}-`)) rmSync(join(SCREENS_DIR, file));
  }

  /** The file a view of a connection is photographed to (a view's name, or a moment of one). */
  screenPath(conn: string, view: ViewName | `${ViewName}-${string}`): string {
    return join(SCREENS_DIR, `${this.caseName}-${conn}-${view}.png`);
  }

  async shoot(conn: string, view: ViewName | `${ViewName}-${string}`): Promise<void> {
    await this.page.screenshot({ path: this.screenPath(conn, view) });
  }

  /** Picks a connection in the list (from the Events view, where the list is beside the journal). */
  async pick(connId: string): Promise<void> {
    await this.wb.byId('journal-view-events').click();
    await this.wb.connRow(connId).click();
    await expect(this.wb.byId('journal')).toHaveAttribute('data-conn-id', connId);
  }

  /**
   * The first request line a server-side connection received, read from its Events view (null
   * when nothing came in: a connection a browser opened ahead of need and never used).
   */
  async requestLineOf(connId: string): Promise<string | null> {
    if ((await this.wb.bytesIn(connId)) === 0) return null;
    await this.pick(connId);
    const chunk = this.wb.byId('journal').locator('[data-testid="journal-entry"][data-kind="data"][data-dir="in"]').first();
    let line: string | null = null;
    await expect
      .poll(async () => {
        const text = (await chunk.locator('.payload').textContent()) ?? '';
        line = /^([A-Z]+ \S+ HTTP\/1\.[01])/.exec(text)?.[1] ?? null;
        return line;
      })
      .not.toBeNull();
    return line;
  }

  /**
   * What a browser's connections to our server carried: each one's request (its request line and
   * Host, as a browser sends them) and the answer the server gives that path; a connection the
   * browser never used carried nothing.
   */
  async browserTruths(connIds: readonly string[], port: number, answerOf: (path: string) => StreamTruth): Promise<ConnTruth[]> {
    const truths: ConnTruth[] = [];
    for (const id of connIds) {
      const line = await this.requestLineOf(id);
      const path = line?.split(' ')[1] ?? '';
      truths.push(
        line
          ? {
              name: `browser-${path === '/' ? 'page' : path.replace(/^\/+/, '').replace(/[^a-z0-9]+/gi, '-')}-${id}`,
              connId: id,
              request: { starts: `${line}\r\nHost: 127.0.0.1:${port}\r\n`, firstLine: 'Request line', message: `Request 1: GET ${path}` },
              response: answerOf(path),
              arrows: ['client connect', 'client data', 'server data', 'server fin'],
              bothOurs: false,
            }
          : { name: `browser-spare-${id}`, connId: id, request: null, response: null, arrows: ['client connect'], bothOurs: false },
      );
    }
    return truths;
  }

  /** Opens every view of one connection in turn, checks each against the truth, and photographs it. */
  async tour(truth: ConnTruth): Promise<void> {
    this.toured.add(truth.connId);
    await this.pick(truth.connId);
    const role = await this.wb.roleOf(truth.connId);
    const reqDir: Dir = role === 'server' ? 'in' : 'out';
    const resDir: Dir = reqDir === 'in' ? 'out' : 'in';
    const streams: [Dir, StreamTruth | null][] = [
      [reqDir, truth.request],
      [resDir, truth.response],
    ];
    await this.checkEvents(truth, role, streams);
    await this.checkBytes(truth, streams);
    await this.checkDiagram(truth, role);
    await this.wb.byId('journal-view-events').click();
  }

  /** Every connection in the list has been toured: none was left out. */
  async expectAllToured(): Promise<void> {
    expect((await this.wb.connIds()).sort()).toEqual([...this.toured].sort());
  }

  private async checkEvents(truth: ConnTruth, role: Role, streams: [Dir, StreamTruth | null][]): Promise<void> {
    const journal = this.wb.byId('journal');
    await expect(journal.getByTestId('journal-entry').first()).toHaveAttribute('data-kind', 'opened');
    await expect(journal.getByTestId('journal-entry').first()).toContainText(role === 'server' ? 'Accepted' : 'Connected');
    for (const [dir, stream] of streams) {
      const chunks = journal.locator(`[data-testid="journal-entry"][data-kind="data"][data-dir="${dir}"]`);
      if (!stream) {
        await expect(chunks).toHaveCount(0);
        continue;
      }
      // The chunks each way, read in order, start with the bytes known to have been sent, CR and
      // LF drawn. (The journal breaks its line after each ␊, as the bytes do: those breaks are not bytes.)
      const want = drawn(leadingText(bytesOf(stream.starts), 48));
      const payloads = async (): Promise<string> => {
        const text = (await chunks.locator('.payload').allTextContents()).join('').replace(/\n/g, '');
        return text.startsWith(want) ? want : text;
      };
      await expect(chunks.first()).toBeVisible();
      await expect.poll(payloads).toBe(want);
    }
    await this.shoot(truth.name, 'events');
  }

  private async checkBytes(truth: ConnTruth, streams: [Dir, StreamTruth | null][]): Promise<void> {
    const bv = this.bytes;
    await bv.open();
    const any = streams.some(([, s]) => s !== null);
    if (!any) {
      // Nothing crossed: each mode says so, and there is no structure to show.
      for (const view of ['text', 'hex', 'split'] as const) {
        await bv.mode(view);
        await expect(bv.byId('byte-view')).toContainText('No bytes have crossed this connection yet.');
        await this.shoot(truth.name, view);
      }
      await expect(bv.byId('bytes-structure')).toHaveCount(0);
      await this.shoot(truth.name, 'structure');
      return;
    }

    // Text: each direction starts with its bytes, CR and LF as their badges.
    await bv.mode('text');
    await expect(bv.pane('text')).toBeVisible();
    await expect(bv.pane('hex')).toHaveCount(0);
    for (const [dir, stream] of streams) {
      if (!stream) {
        await expect(bv.pane('text').locator(`[data-dir="${dir}"]`)).toHaveCount(0);
        continue;
      }
      const head = leadingText(bytesOf(stream.starts), 48);
      // (A control byte's cell has no height of its own: its badge is drawn by ::after. Attached, then.)
      await expect(bv.cell('text', dir, 0)).toBeAttached();
      const want = drawn(head);
      await expect.poll(async () => ((await bv.textOf(dir)).startsWith(want) ? want : bv.textOf(dir))).toBe(want);
      if (head.includes('\r\n')) expect((await bv.badges(dir)).slice(0, 2)).toEqual(['CR', 'LF']);
      else if (head.includes('\n')) expect((await bv.badges(dir))[0]).toBe('LF');
    }
    await this.shoot(truth.name, 'text');

    // Hex: the first bytes each way, two digits each, and the byte counts in each turn's heading.
    await bv.mode('hex');
    await expect(bv.pane('hex')).toBeVisible();
    await expect(bv.pane('text')).toHaveCount(0);
    for (const [dir, stream] of streams) {
      if (!stream) continue;
      const first = bytesOf(stream.starts).subarray(0, 16);
      await expect(bv.cell('hex', dir, first.length - 1)).toBeVisible();
      expect(await bv.hexRun(dir, 0, first.length)).toBe(hexText(first));
      if (stream.at) {
        const { offset, bytes } = stream.at;
        await expect(bv.cell('hex', dir, offset + bytes.length - 1)).toBeVisible();
        expect(await bv.hexRun(dir, offset, bytes.length)).toBe(hexText(bytes));
      }
      if (stream.length !== undefined) await expect.poll(() => bv.turnBytes('hex', dir)).toBe(stream.length);
    }
    await this.shoot(truth.name, 'hex');

    // Split: both panes, the same first byte in each.
    await bv.mode('split');
    await expect(bv.pane('text')).toBeVisible();
    await expect(bv.pane('hex')).toBeVisible();
    for (const [dir, stream] of streams) {
      if (!stream) continue;
      const b = bytesOf(stream.starts)[0] ?? 0;
      await expect(bv.cell('hex', dir, 0)).toHaveText(hexText(Uint8Array.of(b)));
      if (b >= 0x21 && b < 0x7f) await expect(bv.cell('text', dir, 0)).toHaveText(String.fromCharCode(b));
    }
    await this.shoot(truth.name, 'split');

    // Structure: the annotator names the start lines it found.
    await bv.showStructure();
    for (const [, stream] of streams) {
      if (!stream) continue;
      if (stream.firstLine) await expect(bv.structureItem(stream.firstLine).first()).toBeVisible();
      if (stream.message) await expect(bv.structureItem(stream.message).first()).toBeVisible();
    }
    const lines = streams.flatMap(([, s]) => (s?.firstLine ? [s.firstLine] : []));
    if (!lines.includes('Request line')) await expect(bv.structureItem(/^Request line$/)).toHaveCount(0);
    if (!lines.includes('Status line')) await expect(bv.structureItem(/^Status line$/)).toHaveCount(0);
    await this.shoot(truth.name, 'structure');
  }

  private async checkDiagram(truth: ConnTruth, role: Role): Promise<void> {
    const td = this.diagram;
    await td.open();
    await expect(td.svg()).toBeVisible();
    // Our own end of it is drawn from our journal; the peer's too when it is our console.
    const lane = (side: Role) => td.svg().locator(`[data-testid="ladder-lane"][data-side="${side}"]`);
    const peer: Role = role === 'server' ? 'client' : 'server';
    await expect(lane(role)).toContainText(/· ours/);
    if (truth.bothOurs) await expect(lane(peer)).toContainText(/· ours/);
    else await expect(lane(peer)).toContainText('not ours');
    await expect.poll(() => td.arrowOrder().then((seen) => inOrder(truth.arrows, seen) ?? seen)).toBe(true);
    // None of these connections was reset, and their journals say so: no RST arrow.
    await expect(td.svg().locator('[data-testid="ladder-arrow"][data-kind="rst"]')).toHaveCount(0);
    await this.shoot(truth.name, 'diagram');
  }
}

/** True when `wanted` appears in `seen` in this order (others may come between); else null. */
function inOrder(wanted: string[], seen: string[]): true | null {
  let i = 0;
  for (const what of seen) if (what === wanted[i]) i++;
  return i === wanted.length ? true : null;
}
